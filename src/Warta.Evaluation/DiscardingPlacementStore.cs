using Warta.Core.Storage;

namespace Warta.Evaluation;

/// <summary>A placement store that keeps nothing but the placed ids: the evaluation scores what the placer reports, without disk I/O.</summary>
/// <remarks>The ids are kept because the placer asks the store whether an id it took earlier in the run was placed.</remarks>
internal sealed class DiscardingPlacementStore : IPlacementStore
{
    private readonly HashSet<string> _placed = new(StringComparer.Ordinal);
    private long _sequence;

    public Task<IAsyncDisposable> AcquireWriteLockAsync(TimeSpan timeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(new Unlocked());

    public Task<long> CommitAsync(PlacementBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _sequence += batch.Articles.Count + batch.Assignments.Count + batch.Merges.Count;
        foreach (var assignment in batch.Assignments) _placed.Add(assignment.ArticleId);
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

    private sealed class Unlocked : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
