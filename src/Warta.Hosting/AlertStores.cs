using Warta.Core.Storage;

namespace Warta.Hosting;

/// <summary>The alert tables of an opened store, or a clear error where the store has none.</summary>
public static class AlertStores
{
    /// <exception cref="StoreUnavailableException">The store keeps no alert rules (neither SQLite nor PostgreSQL: a test double).</exception>
    public static IAlertStore Of(IWartaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IAlertStore
            ?? throw new StoreUnavailableException(store.Location, "this store keeps no alert rules", null);
    }
}
