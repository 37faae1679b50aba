namespace Warta.Storage.Sqlite;

/// <summary>Defaults of the embedded store.</summary>
public static class SqliteInfo
{
    public const string DefaultPath = "warta.db";
}
