using System.Globalization;
using Npgsql;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Evaluation.Clustering;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Postgres.Tests;

/// <summary>What the contract suites do not cover: migrations, one-line failures, the change sequence under concurrent writers, the write lock of a killed session, and placement equal to the embedded store's.</summary>
public sealed class PostgresStoreTests : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly PostgresTestDatabase _database;
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private readonly TempFolder _folder = new();

    public PostgresStoreTests(PostgresTestDatabase database)
    {
        _database = database;
    }

    public void Dispose() => _folder.Dispose();

    private string Store(string name) => _database.StoreConnectionString(_scope, name);

    private static T Sql<T>(string connectionString, string sql)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        using var command = source.CreateCommand(sql);
        return command.ExecuteScalar() is T value ? value : default!;
    }

    [Fact]
    public void Should_create_the_schema_at_the_latest_version_on_first_use_and_leave_it_alone_on_reopen()
    {
        var store = Store("fresh");
        using (var first = new PostgresStore(store))
        {
            Assert.Equal(PostgresSchema.LatestVersion, first.SchemaVersion);
            first.TryAdd(SampleArticles.Make("a1"));
        }

        using var again = new PostgresStore(store);

        Assert.Equal(PostgresSchema.LatestVersion, again.SchemaVersion);
        Assert.Equal((long)PostgresSchema.LatestVersion, Sql<long>(store, "SELECT count(*) FROM schema_version"));
        Assert.Equal(["a1"], again.List().Select(static a => a.Id));
    }

    [Fact]
    public void Should_apply_only_the_missing_steps_in_order_when_the_code_gains_a_migration()
    {
        var store = Store("grows");
        using (new PostgresStore(store, [PostgresSchema.Steps[0]]))
        {
        }

        using var grown = new PostgresStore(store, [PostgresSchema.Steps[0], "CREATE TABLE step_two (id integer)"]);

        Assert.Equal(2, grown.SchemaVersion);
        Assert.Equal(0L, Sql<long>(store, "SELECT count(*) FROM step_two"));
    }

    [Fact]
    public void Should_keep_the_old_version_when_a_migration_step_fails()
    {
        var store = Store("failing");
        using (new PostgresStore(store))
        {
        }

        var error = Assert.Throws<StoreFailureException>(() => new PostgresStore(store, [.. PostgresSchema.Steps, "CREATE TABLE half (id integer); SELECT 1/0"]));

        Assert.Contains("division by zero", error.Message, StringComparison.Ordinal);
        using var reopened = new PostgresStore(store);
        Assert.Equal(PostgresSchema.LatestVersion, reopened.SchemaVersion);
        Assert.Null(Sql<string?>(store, "SELECT to_regclass('half')::text"));
    }

    [Fact]
    public void Should_refuse_with_a_clear_message_a_store_written_by_a_newer_version()
    {
        var store = Store("future");
        using (new PostgresStore(store))
        {
        }
        Sql<object?>(store, "INSERT INTO schema_version (step) VALUES (99)");

        var error = Assert.Throws<StoreFailureException>(() => new PostgresStore(store));

        Assert.Equal(StoreFailure.Newer, error.Failure);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains(_database.Database, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_there_is_no_store_when_one_is_opened_for_reading_where_none_was_written()
    {
        _database.SkipUnlessAvailable();
        var error = Assert.Throws<StoreFailureException>(() => PostgresStore.OpenForReading(_database.ConnectionString!));

        Assert.Equal(StoreFailure.Missing, error.Failure);
        Assert.Contains("there is no Warta store in that database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_writes_through_a_store_opened_for_reading()
    {
        var store = Store("readonly");
        using (new PostgresStore(store))
        {
        }
        using var reader = PostgresStore.OpenForReading(store);

        var error = Assert.Throws<StoreFailureException>(() => reader.TryAdd(SampleArticles.Make("a1")));

        Assert.Equal(StoreFailure.ReadOnly, error.Failure);
        Assert.Equal(0, reader.Count());
    }

    [Fact]
    public void Should_name_a_missing_database_and_a_refused_login_in_one_line()
    {
        _database.SkipUnlessAvailable();
        var missing = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "absent_" + _scope }.ConnectionString;
        var stranger = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = "stranger_" + _scope }.ConnectionString;

        var noDatabase = Assert.Throws<StoreFailureException>(() => new PostgresStore(missing));
        var refused = Assert.Throws<StoreFailureException>(() => new PostgresStore(stranger));

        Assert.Equal(StoreFailure.Missing, noDatabase.Failure);
        Assert.Contains($"there is no database 'absent_{_scope}'", noDatabase.Message, StringComparison.Ordinal);
        Assert.Equal(StoreFailure.Refused, refused.Failure);
        Assert.Contains($"refused the login of user 'stranger_{_scope}'", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', noDatabase.Message + refused.Message);
    }

    [Fact]
    public void Should_say_the_server_cannot_be_reached_without_showing_the_password()
    {
        // Nothing listens on port 1 of loopback: refused at once.
        var error = Assert.Throws<StoreFailureException>(() => new PostgresStore("Host=127.0.0.1;Port=1;Username=warta;Password=secret;Database=news;Timeout=5"));

        Assert.Equal(StoreFailure.Unreachable, error.Failure);
        Assert.Equal("store 'postgres://warta@127.0.0.1:1/news': cannot reach the PostgreSQL server at 127.0.0.1:1 (connection refused: is it running, on that port?)", error.Message);
    }

    [Theory]
    [InlineData("postgres://warta:p%40ss@db.example:6543/news?search_path=archive", "db.example", 6543, "warta", "p@ss", "news", "archive")]
    [InlineData("postgresql://localhost/news", "localhost", 5432, null, null, "news", null)]
    [InlineData("Host=127.0.0.1;Port=55432;Username=postgres;Database=warta", "127.0.0.1", 55432, "postgres", null, "warta", null)]
    public void Should_read_a_postgres_uri_or_a_connection_string_as_a_postgresql_location(
        string location, string host, int port, string? user, string? password, string database, string? schema)
    {
        Assert.True(PostgresLocation.IsPostgres(location));
        var settings = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString(location));

        Assert.Equal((host, port, user, password, database, schema), (settings.Host, settings.Port, settings.Username, settings.Password, settings.Database, settings.SearchPath));
        Assert.DoesNotContain("p@ss", PostgresLocation.Describe(location), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warta.db")]
    [InlineData("/var/lib/warta/news.db")]
    [InlineData("postgres.db")]
    [InlineData("")]
    public void Should_take_a_path_for_the_embedded_store(string location) => Assert.False(PostgresLocation.IsPostgres(location));

    [Fact]
    public async Task Should_number_changes_in_commit_order_without_gaps_when_writers_add_articles_at_the_same_time()
    {
        var name = Store("concurrent");
        using (new PostgresStore(name))
        {
        }
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            using var store = new PostgresStore(name);
            for (var i = 0; i < 25; i++) store.TryAddRange([SampleArticles.Make($"w{w}-{i}a"), SampleArticles.Make($"w{w}-{i}b")]);
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(writers);

        using var reader = new PostgresStore(name);
        var changes = await reader.ChangesSinceAsync(0, 1000, TestContext.Current.CancellationToken);

        Assert.Equal(200, changes.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(static i => (long)i), changes.Select(static c => c.Sequence));
        Assert.Equal(200, changes.Select(static c => c.ArticleId).Distinct(StringComparer.Ordinal).Count());
        // Both articles of one transaction are numbered next to each other: no other transaction's change came between.
        Assert.All(changes.Chunk(2), static pair => Assert.Equal(pair[0].ArticleId[..^1], pair[1].ArticleId[..^1]));
        Assert.Equal(200L, await reader.LatestSequenceAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_let_the_next_writer_in_when_the_session_holding_the_write_lock_is_killed()
    {
        var token = TestContext.Current.CancellationToken;
        var name = Store("killed");
        using var first = new PostgresStore(name);
        using var second = new PostgresStore(name);
        var held = await first.AcquireWriteLockAsync(TimeSpan.Zero, null, token);
        await Assert.ThrowsAsync<StoreBusyException>(() => second.AcquireWriteLockAsync(TimeSpan.FromMilliseconds(100), null, token));

        // As a killed process's connection ends: the server ends the session that holds the advisory lock. Only this
        // store's lock (its schema's key, in its database): the server is shared with the tests running beside this one,
        // whose write locks are of the same class.
        var killed = Sql<long>(name,
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND classid = {PostgresSchema.LockClass} " +
            "AND objid = hashtext(current_schema())::oid AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND granted");

        Assert.Equal(1L, killed);
        await using (await second.AcquireWriteLockAsync(TimeSpan.FromSeconds(10), null, token))
        {
            Assert.Equal(0, second.Count());
        }
        await held.DisposeAsync();
    }

    [Fact]
    public async Task Should_name_the_writer_holding_its_own_store_not_one_of_the_same_schema_in_another_database()
    {
        var token = TestContext.Current.CancellationToken;
        await using var other = new PostgresTestDatabase();
        await other.InitializeAsync();
        var here = Store("samename");
        var there = other.StoreConnectionString(_scope, "samename");
        using var thereWriter = new PostgresStore(there);
        using var hereWriter = new PostgresStore(here);
        using var waiting = new PostgresStore(here);
        // Both locks have the same class and key (the schema's name); only the database tells them apart.
        var heldThere = await thereWriter.AcquireWriteLockAsync(TimeSpan.Zero, null, token);
        var heldHere = await hereWriter.AcquireWriteLockAsync(TimeSpan.Zero, null, token);
        const string Holder = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext(current_schema())::oid " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND granted";
        var hereHolder = Sql<int>(here, Holder);
        var thereHolder = Sql<int>(there, Holder);

        var busy = await Assert.ThrowsAsync<StoreBusyException>(() => waiting.AcquireWriteLockAsync(TimeSpan.FromMilliseconds(100), null, token));

        Assert.NotEqual(hereHolder, thereHolder);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"held by server process {hereHolder} "), busy.Message, StringComparison.Ordinal);
        await heldHere.DisposeAsync();
        await heldThere.DisposeAsync();
    }

    [Fact]
    public async Task Should_place_the_sample_corpus_into_the_same_stories_assignments_and_merges_as_the_embedded_store()
    {
        _database.SkipUnlessAvailable();
        var articles = StreamOrder.Sort(SampleCorpus.Articles());
        using var postgres = new PostgresStore(Store("corpus"));
        using var sqlite = new SqliteStore(_folder.File("corpus.db"));

        // Two runs each, so the second continues from the checkpoint the first saved with its last commit.
        var half = articles.Count / 2;
        foreach (var run in new[] { articles.Take(half).ToList(), articles.Skip(half).ToList() })
        {
            await PlaceAsync(postgres, run);
            await PlaceAsync(sqlite, run);
        }

        Assert.Equal(articles.Count, postgres.CountPlaced());
        Assert.NotEmpty(postgres.ListStories());
        Assert.Equal(Describe(sqlite), Describe(postgres));
        var checkpoint = await postgres.GetCheckpointAsync(TestContext.Current.CancellationToken);
        Assert.Equal((await sqlite.GetCheckpointAsync(TestContext.Current.CancellationToken))!.Snapshot.ToArray(), checkpoint!.Snapshot.ToArray());
        Assert.Equal(await postgres.LatestSequenceAsync(TestContext.Current.CancellationToken), checkpoint.ChangeSequence);
    }

    private static async Task PlaceAsync(IPlacementStore store, IReadOnlyList<Article> articles)
    {
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var chunk in articles.Chunk(7)) await placer.SubmitAsync(chunk, TestContext.Current.CancellationToken);
        await placer.CompleteAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Every assignment, story and merge, doubles round-trippable.</summary>
    private static string Describe(IWartaStore store)
    {
        static string R(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        var lines = store.List().Select(a => store.GetAssignment(a.Id) is { } s ? $"{a.Id} → {s.StoryId} copy of {s.CopyOfArticleId ?? "-"} at {R(s.Similarity)}" : $"{a.Id} unplaced").ToList();
        lines.AddRange(store.ListStories().Select(static s =>
            $"story {s.Id} '{s.Headline}' {s.ArticleCount} [{string.Join(",", s.Outlets)}] {s.FirstPublished?.ToString("O", CultureInfo.InvariantCulture)} {s.LastPublished?.ToString("O", CultureInfo.InvariantCulture)}"));
        lines.AddRange(store.ListMerges().Select(static m => $"merge {m.FromStoryId} → {m.IntoStoryId} by {m.ArticleId} at {R(m.Similarity)}"));
        return string.Join('\n', lines);
    }
}
