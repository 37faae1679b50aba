using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>The one place that decides which store to open, from <see cref="WartaOptions.Store"/>.</summary>
public sealed class StoreOpener(IOptions<WartaOptions> options)
{
    /// <summary>The configured store location as given (a path for the embedded store).</summary>
    public string Location => options.Value.Store;

    /// <summary>Opens the configured store.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be used; the message names it and says why.</exception>
    public SqliteStore Open()
    {
        var location = Location;
        try
        {
            return new SqliteStore(location);
        }
        catch (Exception ex) when (ex is SchemaVersionException or SqliteException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StoreUnavailableException(location, ex.Message, ex);
        }
    }
}
