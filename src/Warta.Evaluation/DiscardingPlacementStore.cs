using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories.Corrections;

namespace Warta.Evaluation;

/// <summary>A placement store that keeps nothing but the placed ids: the evaluation scores what the placer reports, without disk I/O.</summary>
/// <remarks>The ids are kept because the placer asks the store whether an id it took earlier in the run was placed. With
/// <paramref name="keepArticles"/> the articles and their assignments are kept too, so that the second look's splits can be
/// applied (they read the split articles back); the split itself is only numbered.</remarks>
internal sealed class DiscardingPlacementStore(bool keepArticles = false) : IPlacementStore, IStoryCorrectionStore
{
    private readonly HashSet<string> _placed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlacedArticle> _articles = new(StringComparer.Ordinal);
    private long _sequence;

    public Task<IAsyncDisposable> AcquireWriteLockAsync(TimeSpan timeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(new Unlocked());

    public Task<long> CommitAsync(PlacementBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _sequence += batch.Articles.Count + batch.Assignments.Count + batch.Merges.Count;
        foreach (var assignment in batch.Assignments) _placed.Add(assignment.ArticleId);
        if (keepArticles)
        {
            for (var i = 0; i < batch.Articles.Count; i++) _articles[batch.Articles[i].Id] = new PlacedArticle(_sequence, batch.Articles[i], batch.Assignments[i]);
        }
        return Task.FromResult(_sequence);
    }

    public Task<ClustererCheckpoint?> GetCheckpointAsync(CancellationToken cancellationToken = default) => Task.FromResult<ClustererCheckpoint?>(null);

    public Task<IReadOnlySet<string>> FindPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(ids.Where(_placed.Contains), StringComparer.Ordinal));

    public Task<IReadOnlyList<PlacedArticle>> ListPlacedSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PlacedArticle>>([]);

    public Task<int> CountPlacedUpToAsync(long sequence, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoreChange>>([]);

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(_sequence);

    /// <summary>Nothing is kept, so there is nothing to delete.</summary>
    public Task<StoreChange?> DeleteArticleAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult<StoreChange?>(null);

    public Task<IReadOnlyList<PlacedArticle>> GetPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PlacedArticle>>([.. ids.Where(_articles.ContainsKey).Select(id => _articles[id])]);

    public Task<StoryCorrection> ApplyCorrectionAsync(
        StoryCorrection correction, IReadOnlyList<Story> stories, ClustererCheckpoint? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        foreach (var id in correction.ArticleIds)
        {
            if (_articles.TryGetValue(id, out var placed) && placed.Assignment is { } assignment)
            {
                _articles[id] = placed with { Assignment = assignment with { StoryId = correction.TargetStoryId } };
            }
        }
        return Task.FromResult(correction with { Sequence = ++_sequence });
    }

    public Task<StoreChange?> DeleteArticleAsync(string id, IReadOnlyList<Story> stories, ClustererCheckpoint? checkpoint, CancellationToken cancellationToken = default) =>
        Task.FromResult<StoreChange?>(null);

    public Task<IReadOnlyList<StoryCorrection>> ListCorrectionsSinceAsync(long sequence, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoryCorrection>>([]);

    public Task<IReadOnlyList<StoryCorrection>> ListCorrectionsAsync(string storyId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoryCorrection>>([]);

    public Task<IReadOnlyList<SequencedMerge>> ListOrphanMergesSinceAsync(long sequence, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SequencedMerge>>([]);

    private sealed class Unlocked : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
