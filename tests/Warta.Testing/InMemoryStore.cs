using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Testing;

/// <summary>Articles, stories, placements, merges, the change sequence and the checkpoint in memory; passes the store contract suites.</summary>
/// <remarks>The write lock is a semaphore of this instance, so it spans the writers sharing it (not processes).</remarks>
public sealed class InMemoryStore : IArticleStore, IStoryStore, IPlacementStore
{
    private readonly InMemoryArticleStore _articles = new();
    private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _storyUpdates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (StoryAssignment Assignment, long Sequence)> _placements = new(StringComparer.Ordinal);
    private readonly List<StoryMerge> _merges = [];
    private readonly List<StoreChange> _changes = [];
    private readonly HashSet<string> _superseded = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writer = new(1, 1);
    private ClustererCheckpoint? _checkpoint;
    private long _batches;

    public bool TryAdd(Article article)
    {
        var added = _articles.TryAdd(article);
        if (added) Append(StoreChangeKind.ArticleAdded, article.Id, null, null);
        return added;
    }

    public IReadOnlyList<bool> TryAddRange(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return [.. articles.Select(TryAdd)];
    }

    public Article? Get(string id) => _articles.Get(id);

    public bool Contains(string id) => _articles.Contains(id);

    public IReadOnlyList<Article> List() => _articles.List();

    public int Count() => _articles.Count();

    public Story? GetStory(string id) => _stories.TryGetValue(id, out var story) ? Counted(story) : null;

    public IReadOnlyList<Story> ListStories() =>
        [.. _stories.Values.Select(Counted)
            .OrderByDescending(s => _storyUpdates[s.Id])
            .ThenBy(static s => s.LastPublished is null)
            .ThenByDescending(static s => s.LastPublished?.UtcTicks)
            .ThenBy(static s => s.Id, StringComparer.Ordinal)];

    public IReadOnlyList<StoryAssignment> GetAssignments(string storyId)
    {
        var order = _articles.List().Select((a, i) => (a.Id, i)).ToDictionary(static p => p.Id, static p => p.i, StringComparer.Ordinal);
        return [.. _placements.Values.Select(static p => p.Assignment).Where(a => a.StoryId == storyId).OrderBy(a => order[a.ArticleId])];
    }

    public StoryAssignment? GetAssignment(string articleId) => _placements.TryGetValue(articleId, out var p) ? p.Assignment : null;

    public IReadOnlyList<StoryMerge> ListMerges() => [.. _merges];

    public int CountPlaced() => _placements.Count;

    public ClustererCheckpoint? GetCheckpoint() => _checkpoint;

    public IReadOnlyList<Article> ListUnplaced() => [.. _articles.List().Where(a => !_placements.ContainsKey(a.Id))];

    public async Task<IAsyncDisposable> AcquireWriteLockAsync(TimeSpan timeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        if (!await _writer.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            onWaiting?.Invoke("waiting for another writer of the in-memory store");
            if (!await _writer.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
            {
                throw new StoreBusyException("another writer still holds the in-memory store");
            }
        }
        return new Release(_writer);
    }

    /// <summary>Checks the whole batch first, so a failing batch changes nothing, as a rolled-back transaction would.</summary>
    public Task<long> CommitAsync(PlacementBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var articleIds = batch.Articles.Select(static a => a.Id).ToHashSet(StringComparer.Ordinal);
        var storyIds = batch.Stories.Select(static s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var assignment in batch.Assignments)
        {
            if (!articleIds.Contains(assignment.ArticleId) && !_articles.Contains(assignment.ArticleId))
                throw new InvalidOperationException($"placement of unknown article {assignment.ArticleId}");
            if (!storyIds.Contains(assignment.StoryId) && !_stories.ContainsKey(assignment.StoryId))
                throw new InvalidOperationException($"placement in unknown story {assignment.StoryId}");
            if (_placements.ContainsKey(assignment.ArticleId))
                throw new InvalidOperationException($"article {assignment.ArticleId} is placed already");
        }
        if (batch.Assignments.Select(static a => a.ArticleId).Distinct(StringComparer.Ordinal).Count() != batch.Assignments.Count)
            throw new InvalidOperationException("an article is placed twice in one batch");
        foreach (var merge in batch.Merges)
        {
            if (!articleIds.Contains(merge.ArticleId) && !_articles.Contains(merge.ArticleId))
                throw new InvalidOperationException($"merge by unknown article {merge.ArticleId}");
        }

        foreach (var article in batch.Articles) TryAdd(article);
        _batches++;
        foreach (var story in batch.Stories)
        {
            _stories[story.Id] = story;
            _storyUpdates[story.Id] = _batches;
        }
        foreach (var assignment in batch.Assignments)
        {
            _placements[assignment.ArticleId] = (assignment, Append(StoreChangeKind.ArticlePlaced, assignment.ArticleId, assignment.StoryId, null));
        }
        foreach (var merge in batch.Merges)
        {
            _merges.Add(merge);
            Append(StoreChangeKind.StoriesMerged, merge.ArticleId, merge.IntoStoryId, merge.FromStoryId);
        }
        foreach (var supersession in batch.Supersessions)
        {
            if (_placements.TryGetValue(supersession.ArticleId, out var placed) && _superseded.Add(supersession.ArticleId))
            {
                Append(StoreChangeKind.ArticleSuperseded, supersession.ArticleId, placed.Assignment.StoryId, null);
            }
        }
        var last = Latest;
        if (batch.Checkpoint is { } checkpoint) _checkpoint = checkpoint with { ChangeSequence = last };
        return Task.FromResult(last);
    }

    public Task<ClustererCheckpoint?> GetCheckpointAsync(CancellationToken cancellationToken = default) => Task.FromResult(_checkpoint);

    /// <summary>Replaces the checkpoint as is, for tests that damage it.</summary>
    public void SetCheckpoint(ClustererCheckpoint? checkpoint) => _checkpoint = checkpoint;

    public Task<IReadOnlySet<string>> FindPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Task.FromResult<IReadOnlySet<string>>(ids.Where(_placements.ContainsKey).ToHashSet(StringComparer.Ordinal));
    }

    public Task<IReadOnlyList<PlacedArticle>> ListPlacedSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PlacedArticle>>(
            [.. _placements.Values.Where(p => p.Sequence > sequence).OrderBy(static p => p.Sequence).Take(limit)
                .Select(p => new PlacedArticle(p.Sequence, _articles.Get(p.Assignment.ArticleId)!))]);

    public Task<int> CountPlacedUpToAsync(long sequence, CancellationToken cancellationToken = default) =>
        Task.FromResult(_placements.Values.Count(p => p.Sequence <= sequence));

    public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoreChange>>([.. _changes.Where(c => c.Sequence > sequence).Take(limit)]);

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(Latest);

    /// <summary>As the SQLite store: the stories it counted in (its own and those that absorbed it) are recomputed, an empty one deleted; merges stay.</summary>
    public Task<StoreChange?> DeleteArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_articles.Get(id) is not { } deleted) return Task.FromResult<StoreChange?>(null);
        string? storyId = null;
        if (_placements.Remove(id, out var placement)) storyId = placement.Assignment.StoryId;
        _articles.Remove(id);
        _superseded.Remove(id);
        if (storyId is not null)
        {
            _batches++;
            var path = new List<string> { storyId };
            for (var i = 0; i < path.Count; i++)
            {
                foreach (var merge in _merges.Where(m => m.FromStoryId == path[i] && !path.Contains(m.IntoStoryId))) path.Add(merge.IntoStoryId);
            }
            foreach (var story in path) Recompute(story, deleted.Title);
        }
        var sequence = Append(StoreChangeKind.ArticleDeleted, id, storyId, null);
        return Task.FromResult<StoreChange?>(new StoreChange(sequence, StoreChangeKind.ArticleDeleted, id, storyId, null));
    }

    /// <summary>As the SQLite store reads a story: its articles, not the superseded revisions placed in it or in a story merged into it.</summary>
    private Story Counted(Story story)
    {
        if (_superseded.Count == 0) return story;
        var tree = Tree(story.Id);
        return story with { ArticleCount = story.ArticleCount - _superseded.Count(id => _placements.TryGetValue(id, out var p) && tree.Contains(p.Assignment.StoryId)) };
    }

    private List<string> Tree(string storyId)
    {
        var tree = new List<string> { storyId };
        for (var i = 0; i < tree.Count; i++)
        {
            foreach (var merge in _merges.Where(m => m.IntoStoryId == tree[i] && !tree.Contains(m.FromStoryId))) tree.Add(merge.FromStoryId);
        }
        return tree;
    }

    private void Recompute(string storyId, string deletedTitle)
    {
        var tree = Tree(storyId);
        var members = _articles.List().Where(a => _placements.TryGetValue(a.Id, out var p) && tree.Contains(p.Assignment.StoryId)).ToList();
        if (members.Count == 0 || !_stories.TryGetValue(storyId, out var story))
        {
            _stories.Remove(storyId);
            _storyUpdates.Remove(storyId);
            return;
        }
        var times = members.Where(static a => a.Published is not null).Select(static a => a.Published!.Value.Value).ToList();
        _stories[storyId] = story with
        {
            Headline = story.Headline == deletedTitle ? members[0].Title : story.Headline,
            ArticleCount = members.Count,
            Outlets = [.. members.Select(static a => a.Outlet).Where(static o => o.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            FirstPublished = times.Count == 0 ? null : times.MinBy(static t => t.UtcTicks),
            LastPublished = times.Count == 0 ? null : times.MaxBy(static t => t.UtcTicks),
        };
        _storyUpdates[storyId] = _batches;
    }

    private long Latest => _changes.Count == 0 ? 0 : _changes[^1].Sequence;

    private long Append(StoreChangeKind kind, string articleId, string? storyId, string? fromStoryId)
    {
        var change = new StoreChange(Latest + 1, kind, articleId, storyId, fromStoryId);
        _changes.Add(change);
        return change.Sequence;
    }

    /// <summary>Nothing to release; the data stays for the next "reopen".</summary>
    public void Dispose()
    {
    }

    private sealed class Release(SemaphoreSlim writer) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) writer.Release();
            return ValueTask.CompletedTask;
        }
    }
}
