namespace Warta.Core.Storage;

/// <summary>The write side of placement: one writer at a time commits new articles with their stories, merges and the clusterer checkpoint.</summary>
/// <remarks>
/// Only the holder of the write lock may commit; the store does not check it on every call, so every writer must take it
/// (<see cref="Pipeline.StoryPlacer"/> holds it for its lifetime). Each commit is one transaction and appends its changes
/// to the change sequence (<see cref="IChangeLog"/>) in the order of the batch.
/// </remarks>
public interface IPlacementStore : IChangeLog
{
    /// <summary>Takes the store-wide write lock, waiting at most <paramref name="timeout"/> for another writer (in any process) to let go.</summary>
    /// <param name="timeout">How long to wait for a lock held elsewhere.</param>
    /// <param name="onWaiting">Told once, with a line saying what it waits for, when the lock is held elsewhere.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The lock; disposing it lets the next writer in.</returns>
    /// <exception cref="StoreBusyException">The lock was still held elsewhere after <paramref name="timeout"/>.</exception>
    Task<IAsyncDisposable> AcquireWriteLockAsync(TimeSpan timeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default);

    /// <summary>Writes the batch in one transaction; returns the sequence number of its last change (the latest one when it changed nothing).</summary>
    /// <remarks>An article stored before without a placement (by a writer of an older version) is placed, not stored again; a placed one must not be in the batch (a writer checks with <see cref="FindPlacedAsync"/> first). With a
    /// checkpoint, it replaces the stored one and records the sequence number it reflects: the last of this batch.</remarks>
    Task<long> CommitAsync(PlacementBatch batch, CancellationToken cancellationToken = default);

    /// <summary>The checkpoint saved last, or null when there is none.</summary>
    Task<ClustererCheckpoint?> GetCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="ids"/> are stored and placed already (the duplicate lookup); one round trip per call.</summary>
    Task<IReadOnlySet<string>> FindPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Stored articles placed after change <paramref name="sequence"/>, in placement order, at most <paramref name="limit"/>.</summary>
    /// <remarks>Recovery re-runs them through the restored clusterer; 0 gives every placed article (a full replay).</remarks>
    Task<IReadOnlyList<PlacedArticle>> ListPlacedSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>Number of placed articles whose placement is numbered at most <paramref name="sequence"/>.</summary>
    Task<int> CountPlacedUpToAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stored article with its placement in one transaction and records an <see cref="StoreChangeKind.ArticleDeleted"/> change; null when no article has that id.</summary>
    /// <remarks>
    /// Only the holder of the write lock may delete. The story it left gets its count, outlets, first and last publication
    /// and headline recomputed from the articles still placed in it, and is deleted when none are left. Merges the article
    /// triggered stay recorded (the stories stay merged): a merge is part of the stories' history, not of the article.
    /// </remarks>
    Task<StoreChange?> DeleteArticleAsync(string id, CancellationToken cancellationToken = default);
}
