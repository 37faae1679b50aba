using System.Globalization;
using Warta.Core.Storage;

namespace Warta.Web.Api;

/// <summary>What a store-only answer depends on: the store's change sequence, the sequence its story views reflect, and how many
/// withdrawals it records (a withdrawal takes no change number). Equal versions of one store mean equal answers.</summary>
internal readonly record struct StoreVersion(long Changes, long Views, int Retractions)
{
    /// <summary>Reads the version of <paramref name="store"/> (three single-row queries on indexed tables).</summary>
    public static async Task<StoreVersion> ReadAsync(IWartaStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var changes = await store.LatestSequenceAsync(cancellationToken).ConfigureAwait(false);
        var views = await store.StoryViewSequenceAsync(cancellationToken).ConfigureAwait(false);
        var retractions = store is ISourceStateStore sources ? await sources.CountRetractionsAsync(cancellationToken).ConfigureAwait(false) : 0;
        return new StoreVersion(changes, views, retractions);
    }

    /// <summary>What one story's answers depend on: the last change touching it or a story merged into it, the sequence its
    /// own stored view reflects, and the store's withdrawals (one recursive probe of the changes' story indexes, one row of the
    /// views, one count). Equal versions of one story mean equal answers for it; the writes to other stories leave it as it is.</summary>
    public static async Task<StoreVersion> ReadForStoryAsync(IWartaStore store, string storyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var changes = await store.LatestStorySequenceAsync(storyId, cancellationToken).ConfigureAwait(false);
        var views = await store.StoryViewSequenceAsync(storyId, cancellationToken).ConfigureAwait(false);
        var retractions = store is ISourceStateStore sources ? await sources.CountRetractionsAsync(cancellationToken).ConfigureAwait(false) : 0;
        return new StoreVersion(changes, views, retractions);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Changes}.{Views}.{Retractions}");
}
