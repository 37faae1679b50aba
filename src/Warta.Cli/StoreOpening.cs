using Microsoft.Data.Sqlite;
using Warta.Storage.Sqlite;

namespace Warta.Cli;

/// <summary>Opens the store named by <c>--db</c>, turning the ways that fails into one line on stderr.</summary>
internal static class StoreOpening
{
    public static SqliteStore? TryOpen(string path, TextWriter error)
    {
        try
        {
            return new SqliteStore(path);
        }
        catch (Exception ex) when (ex is SchemaVersionException or SqliteException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"warta: cannot open store '{path}': {ex.Message}");
            return null;
        }
    }
}
