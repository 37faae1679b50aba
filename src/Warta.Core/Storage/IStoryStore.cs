using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>Durable home of stories, the assignments of articles to them, and recorded merges.</summary>
public interface IStoryStore
{
    /// <summary>Stores new or changed assignments, story summaries (upsert by id) and merges in one transaction.</summary>
    /// <remarks>
    /// With a <paramref name="checkpoint"/>, it replaces the stored one in that transaction, so a checkpoint is never ahead
    /// of or behind the assignments it reflects. Without one, the stored checkpoint is dropped: the clusterer it describes
    /// did not make this batch.
    /// </remarks>
    void SaveBatch(IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges, ClustererCheckpoint? checkpoint = null);

    /// <summary>
    /// Stores new articles together with their placement (as <see cref="IArticleStore.TryAddRange"/>, then
    /// <see cref="SaveBatch"/>) in one transaction, so a stored article is never left without its story.
    /// </summary>
    /// <remarks>Drops the stored checkpoint, as <see cref="SaveBatch"/> without one does.</remarks>
    /// <returns>One result per article, in order: true when it was new.</returns>
    IReadOnlyList<bool> SavePlaced(
        IReadOnlyList<Article> articles, IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges);

    Story? GetStory(string id);

    /// <summary>All stories, most recently updated first.</summary>
    IReadOnlyList<Story> ListStories();

    /// <summary>The story's assignments (copies included), in the articles' publication order.</summary>
    IReadOnlyList<StoryAssignment> GetAssignments(string storyId);

    StoryAssignment? GetAssignment(string articleId);

    IReadOnlyList<StoryMerge> ListMerges();

    /// <summary>The checkpoint saved with the last batch, or null when there is none.</summary>
    ClustererCheckpoint? GetCheckpoint();

    /// <summary>Number of stored articles that have an assignment.</summary>
    int CountPlaced();

    /// <summary>Stored articles without an assignment, ordered as <see cref="IArticleStore.List"/> orders them.</summary>
    IReadOnlyList<Article> ListUnplaced();
}
