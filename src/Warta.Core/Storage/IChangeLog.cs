namespace Warta.Core.Storage;

/// <summary>The store's change sequence, read in commit order by whoever catches up from it (a search index, alerts).</summary>
public interface IChangeLog
{
    /// <summary>Changes with a sequence number above <paramref name="sequence"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The sequence number of the last committed change, 0 when there is none.</summary>
    Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A change sequence number that moves whenever a change touches the story <paramref name="storyId"/> or a story merged into
    /// it (transitively): its placements, merges (either end), corrections, deletions and superseded revisions. Equal numbers
    /// for one story mean none of those changed it; 0 when no change names the story.
    /// </summary>
    /// <remarks>A store may return a later number than the story's last change, never an earlier one: this default returns the
    /// store's latest (<see cref="LatestSequenceAsync"/>). A store with an index on the changes' stories reads only the story's
    /// own, so a story's cached read outlives the writes to other stories.</remarks>
    Task<long> LatestStorySequenceAsync(string storyId, CancellationToken cancellationToken = default) => LatestSequenceAsync(cancellationToken);
}
