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

    /// <summary>
    /// The merges one story's read needs, in the order they were made: those that took <paramref name="storyId"/> into another
    /// story and that one further (the story it joined), and those that absorbed stories into it, transitively (its articles).
    /// </summary>
    /// <remarks>A store may return more merges than these, never fewer; this default returns every merge. A store with an index
    /// on both ends of a merge reads only the story's own, so a read does not grow with the number of merges in the store.</remarks>
    Task<IReadOnlyList<StoryMerge>> ListMergesOfAsync(string storyId, CancellationToken cancellationToken = default) =>
        ListMergesAsync(cancellationToken);

    /// <summary>Ids of the stories no merge absorbed that start with <paramref name="prefix"/> (ordinal), sorted, at most <paramref name="limit"/>.</summary>
    /// <remarks>This default reads every current story; a store with an index on the id reads only the range.</remarks>
    async Task<IReadOnlyList<string>> FindCurrentStoryIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var merges = await ListMergesAsync(cancellationToken).ConfigureAwait(false);
        var absorbed = merges.Select(static m => m.FromStoryId).ToHashSet(StringComparer.Ordinal);
        var all = await ListStoriesAsync(PageRequest.All, cancellationToken).ConfigureAwait(false);
        return [.. all.Items.Select(static s => s.Id)
            .Where(id => !absorbed.Contains(id) && id.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(limit)];
    }
}
