using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

/// <summary>The PostgreSQL store: articles, stories, assignments, merges and the rest in one database (one schema of it), for a shared archive or several processes.</summary>
/// <remarks>
/// <para>Opened for writing, the store's schema is created when absent and brought up to date (see <see cref="PostgresSchema"/>);
/// a connection string whose <c>Search Path</c> names a schema gets that schema created, so one database can hold several
/// stores. Opened for reading, nothing is created or migrated, and its sessions are read-only.</para>
/// <para>Every method takes a connection from the pool for its own duration, so one instance may be used from several
/// threads; each write method is one transaction. The write lock is a session advisory lock held on a connection of its
/// own (see <see cref="AcquireWriteLockAsync"/>). Every server error reaches callers as a <see cref="StoreFailureException"/>
/// whose message names the server and database (never a password) and says why in one line.</para>
/// </remarks>
public sealed partial class PostgresStore : IWartaStore
{
    /// <summary>Pools shared by every store a process opens on the same connection string (a server opens one per request).</summary>
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> SharedSources = new(StringComparer.Ordinal);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly NpgsqlConnectionStringBuilder _settings;

    /// <summary>Opens the store named by <paramref name="connectionString"/> for writing, creating its tables when absent; the store owns its connection pool.</summary>
    /// <exception cref="StoreFailureException">The server cannot be reached, refuses the login, has no such database, or holds a newer store.</exception>
    public PostgresStore(string connectionString)
        : this(connectionString, PostgresSchema.Steps, readOnly: false, shared: false)
    {
    }

    internal PostgresStore(string connectionString, IReadOnlyList<string> migrationSteps)
        : this(connectionString, migrationSteps, readOnly: false, shared: false)
    {
    }

    private PostgresStore(string connectionString, IReadOnlyList<string> migrationSteps, bool readOnly, bool shared)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (readOnly) _settings.Options = (_settings.Options + " -c default_transaction_read_only=on").Trim();
        // Repeated statements (a placement commit's per-row inserts) are prepared on the server after their second use.
        if (_settings.MaxAutoPrepare == 0) _settings.MaxAutoPrepare = 64;
        Location = PostgresLocation.Describe(_settings);
        IsReadOnly = readOnly;
        var key = _settings.ConnectionString;
        _ownsDataSource = !shared;
        _dataSource = shared ? SharedSources.GetOrAdd(key, static k => NpgsqlDataSource.Create(k)) : NpgsqlDataSource.Create(key);
        try
        {
            using var connection = _dataSource.OpenConnection();
            if (!readOnly)
            {
                CreateSchema(connection);
                PostgresSchema.Migrate(connection, Location, migrationSteps);
            }
            var version = PostgresSchema.ReadVersion(connection);
            if (version is null)
            {
                throw new StoreFailureException(StoreFailure.Missing, Location,
                    "there is no Warta store in that database (a read command never creates one; check --store, or run `warta ingest` to start one)");
            }
            PostgresSchema.ThrowIfNewer(version.Value, Location, migrationSteps.Count);
            SchemaVersion = version.Value;
        }
        catch (Exception ex) when (PostgresFailures.IsDatabaseError(ex))
        {
            if (_ownsDataSource) _dataSource.Dispose();
            throw Failure(ex);
        }
        catch
        {
            if (_ownsDataSource) _dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing store read-only with its own pool: nothing is created or migrated, and the server refuses writes.</summary>
    /// <exception cref="StoreFailureException">There is no store there, or it is not one this build can read.</exception>
    public static PostgresStore OpenForReading(string connectionString) => new(connectionString, PostgresSchema.Steps, readOnly: true, shared: false);

    /// <summary>Opens the store at <paramref name="location"/> (a <c>postgres://</c> URI or a connection string) on the process's shared pool for it.</summary>
    /// <remarks>For hosts that open a store per request or per command: disposing the store leaves the pool to the next one.</remarks>
    public static PostgresStore Connect(string location, bool forReading)
    {
        var connectionString = PostgresLocation.ToConnectionString(location);
        return new PostgresStore(connectionString, PostgresSchema.Steps, forReading, shared: true);
    }

    /// <summary>The server and database as messages name them: <c>postgres://user@host:port/database</c>, never the password.</summary>
    public string Location { get; }

    /// <summary>Whether the store was opened for reading; its writes fail with <see cref="StoreFailure.ReadOnly"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>Schema version of the store when it was opened (the number of migration steps applied).</summary>
    public int SchemaVersion { get; }

    /// <summary>The schema the store's tables are in (the first of the search path).</summary>
    public string? Schema => FirstSchema(_settings.SearchPath);

    public void Dispose()
    {
        if (_ownsDataSource) _dataSource.Dispose();
    }

    private static string? FirstSchema(string? searchPath) =>
        searchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('"');

    /// <summary>Creates the schema the connection string's search path names first, so a new store there can be made.</summary>
    private void CreateSchema(NpgsqlConnection connection)
    {
        if (Schema is not { Length: > 0 } schema || schema.StartsWith('$')) return;
        using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @name)", connection);
        exists.Parameters.AddWithValue("name", schema);
        if ((bool)exists.ExecuteScalar()!) return;
        using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        create.ExecuteNonQuery();
    }

    private StoreFailureException Failure(Exception exception) => PostgresFailures.Map(exception, _settings);

    /// <summary>Runs <paramref name="action"/> on a pooled connection, turning a database error into the store's one-line failure.</summary>
    internal T Run<T>(Func<NpgsqlConnection, T> action)
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            return action(connection);
        }
        catch (Exception ex) when (PostgresFailures.IsDatabaseError(ex))
        {
            throw Failure(ex);
        }
    }

    internal async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await action(connection).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (PostgresFailures.IsDatabaseError(ex))
        {
            throw Failure(ex);
        }
    }

    /// <summary>Runs <paramref name="action"/> in one transaction: committed when it returns, rolled back when it throws.</summary>
    private T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> action) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction();
        var result = action(connection, transaction);
        transaction.Commit();
        return result;
    });

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] parameters) =>
        Run(connection => Query(connection, null, sql, read, parameters));

    private static List<T> Query<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        using var reader = command.ExecuteReader();
        var items = new List<T>();
        while (reader.Read()) items.Add(read(reader));
        return items;
    }

    private Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] parameters) =>
        RunAsync(async connection =>
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddRange(parameters);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var items = new List<T>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(read(reader));
                    return items;
                }
            }
        }, cancellationToken);

    private static T Scalar<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return (T)command.ExecuteScalar()!;
    }

    private static int Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command.ExecuteNonQuery();
    }

    private static NpgsqlParameter P(string name, string value) => new(name, NpgsqlDbType.Text) { Value = value };

    private static NpgsqlParameter P(string name, string? value, bool nullable) => new(name, NpgsqlDbType.Text) { Value = nullable && value is null ? DBNull.Value : value! };

    private static NpgsqlParameter P(string name, long value) => new(name, NpgsqlDbType.Bigint) { Value = value };

    private static NpgsqlParameter P(string name, long? value) => new(name, NpgsqlDbType.Bigint) { Value = value is { } v ? v : DBNull.Value };

    private static NpgsqlParameter P(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };

    private static NpgsqlParameter P(string name, double value) => new(name, NpgsqlDbType.Double) { Value = value };

    private static NpgsqlParameter P(string name, IEnumerable<string> values) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    /// <summary>A command whose parameters are rebound per row (named as given, typed as given), prepared once.</summary>
    private static NpgsqlCommand Prepared(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params (string Name, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, type) in parameters) command.Parameters.Add(new NpgsqlParameter(name, type));
        command.Prepare();
        return command;
    }

    private static object Nullable(object? value) => value ?? DBNull.Value;
}
