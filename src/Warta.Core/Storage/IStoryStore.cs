using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>Durable home of stories, the assignments of articles to them, and recorded merges.</summary>
public interface IStoryStore
{
    /// <summary>Stores new or changed assignments, story summaries (upsert by id) and merges in one transaction.</summary>
    void SaveBatch(IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges);

    /// <summary>
    /// Stores new articles together with their placement (as <see cref="IArticleStore.TryAddRange"/>, then
    /// <see cref="SaveBatch"/>) in one transaction, so a stored article is never left without its story.
    /// </summary>
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
}
