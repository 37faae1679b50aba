using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>The one place that decides which store to open, from <see cref="WartaOptions.Store"/>, and how: for writing or only for reading.</summary>
public sealed class StoreOpener(IOptions<WartaOptions> options)
{
    /// <summary>The configured store location as given (a path for the embedded store).</summary>
    public string Location => options.Value.Store;

    /// <summary>Opens the configured store for writing, creating it when absent.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be used; the message names it and says why.</exception>
    public SqliteStore Open() => Open(SqliteStore.DefaultBusyTimeout);

    /// <summary>Opens the configured store for writing; a statement waits at most <paramref name="busyTimeout"/> for SQLite's lock held by another process.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be used; the message names it and says why.</exception>
    public SqliteStore Open(TimeSpan busyTimeout) => Opening(location => new SqliteStore(location, busyTimeout));

    /// <summary>Opens the configured store read-only: a missing store is an error, nothing is created, migrated or switched to WAL.</summary>
    /// <exception cref="StoreUnavailableException">The store is missing or cannot be read; the message names it and says why.</exception>
    public SqliteStore OpenForReading() => Opening(SqliteStore.OpenForReading);

    private SqliteStore Opening(Func<string, SqliteStore> open)
    {
        var location = Location;
        try
        {
            return open(location);
        }
        catch (StoreFailureException ex)
        {
            throw new StoreUnavailableException(location, ex.Reason, ex);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StoreUnavailableException(location, ex.Message, ex);
        }
    }
}
