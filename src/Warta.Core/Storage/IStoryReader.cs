using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>The read side of stories, assignments and merges, for queries; never writes.</summary>
public interface IStoryReader
{
    Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stories (absorbed ones included), most recently updated first, then id.</summary>
    Task<Page<Story>> ListStoriesAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of the stories no merge absorbed (those <c>StoryQueries.CurrentAsync</c> lists) in <paramref name="order"/>, with
    /// how many there are: a page of a listing without reading every story.
    /// </summary>
    Task<Page<Story>> ListCurrentStoriesAsync(PageRequest page, StoryListOrder order, CancellationToken cancellationToken = default);

    /// <summary>The story's own assignments (copies included, not those of stories merged into it), in the articles' publication order.</summary>
    Task<IReadOnlyList<StoryAssignment>> GetAssignmentsAsync(string storyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The articles assigned to any of <paramref name="storyIds"/> (their own assignments; merges are not followed), in
    /// publication order (undated last), then id; reads no article text, so a story of thousands of reports costs little.
    /// </summary>
    Task<IReadOnlyList<StoryMember>> ListStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default);

    Task<StoryAssignment?> GetAssignmentAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>Every recorded merge, in the order they were made.</summary>
    Task<IReadOnlyList<StoryMerge>> ListMergesAsync(CancellationToken cancellationToken = default);
}
