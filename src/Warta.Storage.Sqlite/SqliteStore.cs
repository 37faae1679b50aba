using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

/// <summary>The embedded store: articles, stories, assignments and merges in one SQLite file.</summary>
/// <remarks>
/// Created on first use, WAL journal, foreign keys on, schema brought up to date on open (see <see cref="SchemaMigrator"/>).
/// One instance holds one connection and is not thread-safe; several processes may open the same file.
/// Every write method is one transaction: after a crash the file holds each batch wholly or not at all.
/// </remarks>
public sealed partial class SqliteStore : IArticleStore, IStoryStore
{
    private readonly SqliteConnection _connection;

    public SqliteStore(string path)
        : this(path, SchemaMigrator.Steps)
    {
    }

    internal SqliteStore(string path, IReadOnlyList<string> migrationSteps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Without pooling, Dispose really closes the file, so a reopen or a delete sees it released.
            Pooling = false,
            ForeignKeys = true,
        }.ToString();
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            SchemaMigrator.Migrate(_connection, Path, migrationSteps);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Schema version of the open database (the number of migration steps applied).</summary>
    public int SchemaVersion => SchemaMigrator.ReadVersion(_connection);

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A prepared command whose parameters (<c>$name</c>, in order of first appearance in <paramref name="sql"/>) are rebound per row.</summary>
    private SqliteCommand Prepared(string sql, SqliteTransaction transaction, out SqliteParameter[] parameters)
    {
        var command = Command(sql, transaction);
        parameters = [.. ParameterName().Matches(sql).Select(static m => m.Value).Distinct(StringComparer.Ordinal)
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))];
        command.Prepare();
        return command;
    }

    [GeneratedRegex(@"\$[A-Za-z]+")]
    private static partial Regex ParameterName();

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
