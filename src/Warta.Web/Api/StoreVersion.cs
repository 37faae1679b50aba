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

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Changes}.{Views}.{Retractions}");
}
