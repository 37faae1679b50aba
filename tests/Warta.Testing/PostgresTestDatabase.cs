using Npgsql;
using Xunit;

namespace Warta.Testing;

/// <summary>A fresh PostgreSQL database for one test class (a class fixture), on the server <c>WARTA_TEST_POSTGRES</c> names; dropped afterwards.</summary>
/// <remarks>
/// Without the variable, <see cref="ConnectionString"/> is null and <see cref="SkipUnlessAvailable"/> skips the test with a
/// message saying how to get a server (<c>scripts/postgres-test-server start</c>); CI sets it. Each store a test opens is
/// a schema of its own in the database (<see cref="StoreConnectionString"/>), so tests of one class stay independent too.
/// </remarks>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    /// <summary>The environment variable holding the Npgsql connection string of the test server (a user that may create databases).</summary>
    public const string Variable = "WARTA_TEST_POSTGRES";

    private readonly string? _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The name of this fixture's database.</summary>
    public string Database { get; } = "warta_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The connection string of this fixture's database, or null when no test server is configured.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Skips the calling test (xunit's dynamic skip) when no test server is configured.</summary>
    public void SkipUnlessAvailable()
    {
        if (ConnectionString is null)
        {
            Assert.Skip($"{Variable} is not set: the PostgreSQL store tests need a server (run `eval \"$(scripts/postgres-test-server start)\"`; CI starts one)");
        }
    }

    /// <summary>The connection string of the store called <paramref name="name"/> in <paramref name="scope"/>: a schema of this database.</summary>
    public string StoreConnectionString(string scope, string name)
    {
        SkipUnlessAvailable();
        var schema = ("t" + scope + "_" + name).ToLowerInvariant();
        if (schema.Length > 63 || schema.Any(static c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            throw new ArgumentException($"'{name}' does not make a schema name", nameof(name));
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>The same store as <see cref="StoreConnectionString"/>, as a <c>postgres://</c> URI (as a user gives it to <c>--store</c>).</summary>
    public string StoreUri(string scope, string name)
    {
        var store = new NpgsqlConnectionStringBuilder(StoreConnectionString(scope, name));
        var password = string.IsNullOrEmpty(store.Password) ? "" : ":" + Uri.EscapeDataString(store.Password);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"postgres://{Uri.EscapeDataString(store.Username ?? "postgres")}{password}@{store.Host}:{store.Port}/{store.Database}?search_path={store.SearchPath}");
    }

    public async ValueTask InitializeAsync()
    {
        if (_server is null) return;
        var admin = NpgsqlDataSource.Create(_server);
        await using (admin.ConfigureAwait(false))
        {
            var create = admin.CreateCommand($"CREATE DATABASE {Database} TEMPLATE template0 ENCODING 'UTF8'");
            await using (create.ConfigureAwait(false))
            {
                await create.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = Database }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null || ConnectionString is null) return;
        // Pools of stores that were not disposed would otherwise keep sessions open on the database.
        NpgsqlConnection.ClearAllPools();
        var admin = NpgsqlDataSource.Create(_server);
        await using (admin.ConfigureAwait(false))
        {
            var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
            await using (drop.ConfigureAwait(false))
            {
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }
}
