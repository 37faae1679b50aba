using Warta.Core.Storage;

namespace Warta.Hosting;

/// <summary>The alert tables of an opened store, or a clear error where the store has none.</summary>
public static class AlertStores
{
    /// <exception cref="StoreUnavailableException">The store keeps no alert rules (a PostgreSQL store, so far).</exception>
    public static IAlertStore Of(IWartaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store as IAlertStore
            ?? throw new StoreUnavailableException(store.Location, "alert rules are kept in the embedded SQLite store only so far", null);
    }
}
