namespace Warta.Core.Storage;

/// <summary>The store's change sequence, read in commit order by whoever catches up from it (a search index, alerts).</summary>
public interface IChangeLog
{
    /// <summary>Changes with a sequence number above <paramref name="sequence"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The sequence number of the last committed change, 0 when there is none.</summary>
    Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default);
}
