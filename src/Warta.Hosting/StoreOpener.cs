using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Warta.Core.Storage;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>The one place that decides which store to open, from <see cref="WartaOptions.Store"/>, and how: for writing or only for reading.</summary>
/// <remarks>A <c>postgres://</c> URI or an Npgsql connection string (<c>Host=…</c>) opens the PostgreSQL store on the process's
/// shared connection pool for it; anything else is the path of the embedded SQLite file.</remarks>
public sealed class StoreOpener(IOptions<WartaOptions> options)
{
    /// <summary>The configured store location as given (a path for the embedded store, a URI or connection string for PostgreSQL).</summary>
    public string Location => options.Value.Store;

    /// <summary>Whether the configured store is a PostgreSQL database.</summary>
    public bool IsPostgres => PostgresLocation.IsPostgres(Location);

    /// <summary>The location as messages show it: the path, or <c>postgres://user@host:port/database</c> without a password.</summary>
    public string DisplayLocation => IsPostgres ? PostgresLocation.Describe(Location) : Location;

    /// <summary>Opens the configured store for writing, creating it when absent.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be used; the message names it and says why.</exception>
    public IWartaStore Open() => Open(SqliteStore.DefaultBusyTimeout);

    /// <summary>Opens the configured store for writing; with SQLite, a statement waits at most <paramref name="busyTimeout"/> for its lock held by another process.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be used; the message names it and says why.</exception>
    public IWartaStore Open(TimeSpan busyTimeout) =>
        Opening(location => IsPostgres ? PostgresStore.Connect(location, forReading: false) : new SqliteStore(location, busyTimeout));

    /// <summary>Opens the configured store read-only: a missing store is an error, nothing is created or migrated (nor, for SQLite, switched to WAL).</summary>
    /// <exception cref="StoreUnavailableException">The store is missing or cannot be read; the message names it and says why.</exception>
    public IWartaStore OpenForReading() =>
        Opening(location => IsPostgres ? PostgresStore.Connect(location, forReading: true) : SqliteStore.OpenForReading(location));

    private IWartaStore Opening(Func<string, IWartaStore> open)
    {
        var location = Location;
        try
        {
            return open(location);
        }
        catch (StoreFailureException ex)
        {
            throw new StoreUnavailableException(DisplayLocation, ex.Reason, ex);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StoreUnavailableException(DisplayLocation, ex.Message, ex);
        }
    }
}
