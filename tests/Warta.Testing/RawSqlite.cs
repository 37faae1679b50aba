using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Warta.Testing;

/// <summary>Reaches a database file as another program would, past Warta's store: to prepare foreign, locked or damaged files and to check their bytes.</summary>
public static class RawSqlite
{
    /// <summary>The SHA-256 of the file's bytes, to show a file was left byte-identical.</summary>
    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>An open connection of its own (no pooling, so closing it releases the file).</summary>
    public static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> on its own connection.</summary>
    public static void Run(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
