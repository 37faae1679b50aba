using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Testing;

/// <summary>Stories, assignments and merges in memory over an <see cref="InMemoryArticleStore"/>, for query tests; passes the reader contract.</summary>
public sealed class InMemoryStoryStore(InMemoryArticleStore articles) : IStoryReader
{
    private readonly Dictionary<string, (Story Story, long Sequence)> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryAssignment> _assignments = new(StringComparer.Ordinal);
    private readonly List<StoryMerge> _merges = [];
    private long _sequence;

    /// <summary>Saves one batch as a placement commit does: stories upserted with the batch's sequence number, assignments upserted, merges appended.</summary>
    public void SaveBatch(IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(merges);
        if (assignments.Any(a => !articles.Contains(a.ArticleId))) throw new InvalidOperationException("an assignment names an article not stored");
        _sequence++;
        foreach (var story in stories) _stories[story.Id] = (story, _sequence);
        foreach (var assignment in assignments) _assignments[assignment.ArticleId] = assignment;
        _merges.AddRange(merges);
    }

    public Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Task.FromResult(_stories.TryGetValue(id, out var entry) ? entry.Story : null);
    }

    public Task<Page<Story>> ListStoriesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegative(page.Limit, nameof(page));
        var ordered = _stories.Values
            .OrderByDescending(static e => e.Sequence)
            .ThenBy(static e => e.Story.LastPublished is null)
            .ThenByDescending(static e => e.Story.LastPublished?.UtcTicks)
            .ThenBy(static e => e.Story.Id, StringComparer.Ordinal)
            .Select(static e => e.Story);
        return Task.FromResult(new Page<Story>([.. ordered.Skip(page.Offset).Take(page.Limit)], _stories.Count));
    }

    public Task<IReadOnlyList<StoryAssignment>> GetAssignmentsAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        IReadOnlyList<StoryAssignment> found =
        [
            .. _assignments.Values
                .Where(a => a.StoryId == storyId)
                .Select(a => (Assignment: a, Article: articles.Get(a.ArticleId)!))
                .OrderBy(static p => p.Article.Published is null)
                .ThenBy(static p => p.Article.Published?.Value.UtcTicks)
                .ThenBy(static p => p.Article.Id, StringComparer.Ordinal)
                .Select(static p => p.Assignment),
        ];
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<StoryMember>> ListStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyIds);
        var wanted = storyIds.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<StoryMember> found =
        [
            .. _assignments.Values
                .Where(a => wanted.Contains(a.StoryId))
                .Select(a => articles.Get(a.ArticleId)!)
                .OrderBy(static a => a.Published is null)
                .ThenBy(static a => a.Published?.Value.UtcTicks)
                .ThenBy(static a => a.Id, StringComparer.Ordinal)
                .Select(static a => new StoryMember(a.Id, a.Language)),
        ];
        return Task.FromResult(found);
    }

    public Task<StoryAssignment?> GetAssignmentAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return Task.FromResult(_assignments.GetValueOrDefault(articleId));
    }

    public Task<Page<Story>> ListCurrentStoriesAsync(PageRequest page, StoryListOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegative(page.Limit, nameof(page));
        var absorbed = _merges.Select(static m => m.FromStoryId).ToHashSet(StringComparer.Ordinal);
        var current = _stories.Values.Where(e => !absorbed.Contains(e.Story.Id)).ToList();
        var ordered = order == StoryListOrder.FirstPublished
            ? current.Select(static e => e.Story)
                .OrderBy(static s => s.FirstPublished is null)
                .ThenBy(static s => s.FirstPublished?.UtcTicks)
                .ThenBy(static s => s.Id, StringComparer.Ordinal)
            : current
                .OrderByDescending(static e => e.Sequence)
                .ThenBy(static e => e.Story.LastPublished is null)
                .ThenByDescending(static e => e.Story.LastPublished?.UtcTicks)
                .ThenBy(static e => e.Story.Id, StringComparer.Ordinal)
                .Select(static e => e.Story);
        return Task.FromResult(new Page<Story>([.. ordered.Skip(page.Offset).Take(page.Limit)], current.Count));
    }

    public Task<IReadOnlyList<StoryMerge>> ListMergesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoryMerge>>([.. _merges]);
}
