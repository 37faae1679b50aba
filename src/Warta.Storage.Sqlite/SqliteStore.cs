using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

/// <summary>The embedded store: articles, stories, assignments and merges in one SQLite file.</summary>
/// <remarks>
/// Opened for writing (<see cref="SqliteStore(string)"/>): created on first use, WAL journal, foreign keys on, schema brought
/// up to date (see <see cref="SchemaMigrator"/>); opened for reading (<see cref="OpenForReading"/>): never created, never
/// migrated, never switched to WAL. Either way an existing file is first inspected without a write (see
/// <see cref="StoreInspection"/>): a file that is not SQLite, another application's database or a newer Warta store is
/// refused byte-identical. Every SQLite failure reaches callers as a <see cref="StoreFailureException"/> naming the file.
/// One instance holds one connection and is not thread-safe; several processes may open the same file.
/// Every write method is one transaction: after a crash the file holds each batch wholly or not at all.
/// </remarks>
public sealed partial class SqliteStore : IWartaStore
{
    /// <summary>How long a statement waits for SQLite's lock held by another connection, unless the opener says otherwise.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    private readonly SqliteConnection _connection;
    private readonly int _openedVersion;

    /// <summary>Opens the store at <paramref name="path"/> for writing, creating it (and its folder) when absent.</summary>
    /// <exception cref="StoreFailureException">The file is not a Warta store this build can write, is damaged, or cannot be written.</exception>
    public SqliteStore(string path)
        : this(path, SchemaMigrator.Steps, readOnly: false, DefaultBusyTimeout)
    {
    }

    /// <summary>Opens the store at <paramref name="path"/> for writing, waiting at most <paramref name="busyTimeout"/> for SQLite's lock held by another process.</summary>
    public SqliteStore(string path, TimeSpan busyTimeout)
        : this(path, SchemaMigrator.Steps, readOnly: false, busyTimeout)
    {
    }

    internal SqliteStore(string path, IReadOnlyList<string> migrationSteps)
        : this(path, migrationSteps, readOnly: false, DefaultBusyTimeout)
    {
    }

    private SqliteStore(string path, IReadOnlyList<string> migrationSteps, bool readOnly, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        IsReadOnly = readOnly;
        BusyTimeout = busyTimeout;
        var version = StoreInspection.Inspect(Path, migrationSteps.Count, verifyPages: !readOnly);
        if (readOnly && version is null)
        {
            throw new StoreFailureException(StoreFailure.Missing, Path,
                "there is no store there (a read command never creates one; check --db, or run `warta ingest` to start one)");
        }
        if (!readOnly)
        {
            var folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            // Without pooling, Dispose really closes the file, so a reopen or a delete sees it released.
            Pooling = false,
            ForeignKeys = !readOnly,
            // 0 would mean "wait forever" to Microsoft.Data.Sqlite; a second is the shortest bounded wait.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            if (!readOnly)
            {
                Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
                SchemaMigrator.Migrate(_connection, Path, migrationSteps);
            }
            _openedVersion = SchemaMigrator.ReadVersion(_connection);
        }
        catch (SqliteException ex)
        {
            _connection.Dispose();
            throw SqliteFailures.Map(ex, Path, busyTimeout);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing store read-only: nothing is created, migrated or switched to WAL.</summary>
    /// <remarks>A store at an older schema step is read as it is (the read queries work from step 3 on); a query that needs a newer table says to run <c>warta ingest</c>.</remarks>
    /// <exception cref="StoreFailureException">There is no store at the path, or it is not a Warta store this build can read.</exception>
    public static SqliteStore OpenForReading(string path) => new(path, SchemaMigrator.Steps, readOnly: true, DefaultBusyTimeout);

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The database file's full path (<see cref="Path"/>).</summary>
    public string Location => Path;

    /// <summary>Whether the store was opened by <see cref="OpenForReading"/>; its writes fail with <see cref="StoreFailure.ReadOnly"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>How long a statement waits for SQLite's lock held by another process before failing with <see cref="StoreFailure.Locked"/>.</summary>
    public TimeSpan BusyTimeout { get; }

    /// <summary>Schema version of the open database (the number of migration steps applied).</summary>
    public int SchemaVersion => SchemaMigrator.ReadVersion(_connection);

    public void Dispose()
    {
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared.Clear();
        _connection.Dispose();
    }

    /// <summary>Caps the database at <paramref name="pages"/> pages on this connection: how tests meet SQLite's "disk full" honestly without filling a disk.</summary>
    internal void LimitPages(long pages) => Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages}"));

    /// <summary>Runs <paramref name="action"/>, turning an SQLite error into the store's one-line failure.</summary>
    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex)
        {
            throw Failure(ex);
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Failure(ex);
        }
    }

    private StoreFailureException Failure(SqliteException exception) => SqliteFailures.Map(exception, Path, BusyTimeout, _openedVersion);

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

    /// <summary>The statements of <see cref="Kept"/>, by their text.</summary>
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>A command for <paramref name="sql"/> kept (and its statement kept prepared) for the life of the connection, its
    /// parameters cleared: for the few small statements every web read runs. Not to be disposed by the caller.</summary>
    /// <remarks>Preparing the story version's recursive query cost more than running it (a sampled profile of 10 readers: the
    /// prepare was a quarter of a read's CPU). A store is used by one caller at a time (a connection is not shared across
    /// threads), so one command per text is enough; SQLite prepares it again by itself after a schema change.</remarks>
    private SqliteCommand Kept(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }
        command.Parameters.Clear();
        command.Transaction = null;
        return command;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
