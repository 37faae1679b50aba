using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>Stories, the assignments of articles to them, and recorded merges, as stored; written only through <see cref="IPlacementStore"/>.</summary>
public interface IStoryStore
{
    Story? GetStory(string id);

    /// <summary>All stories, most recently updated first.</summary>
    IReadOnlyList<Story> ListStories();

    /// <summary>The story's assignments (copies included), in the articles' publication order.</summary>
    IReadOnlyList<StoryAssignment> GetAssignments(string storyId);

    StoryAssignment? GetAssignment(string articleId);

    IReadOnlyList<StoryMerge> ListMerges();

    /// <summary>The checkpoint saved last, or null when there is none (as <see cref="IPlacementStore.GetCheckpointAsync"/>).</summary>
    ClustererCheckpoint? GetCheckpoint();

    /// <summary>Number of stored articles that have an assignment.</summary>
    int CountPlaced();

    /// <summary>Stored articles without an assignment, ordered as <see cref="IArticleStore.List"/> orders them.</summary>
    IReadOnlyList<Article> ListUnplaced();
}
