using CsCheck;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Sqlite.Tests;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static string Schema(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add($"{reader.GetString(0)} {reader.GetString(1)} {(reader.IsDBNull(2) ? "" : reader.GetString(2))}");
        return string.Join('\n', lines);
    }

    /// <summary>An article row as every schema version so far has it, written without the store (whose writes need the newest schema).</summary>
    private static void InsertOldArticle(string path, string id, long? ticks) => Scalar(path,
        "INSERT INTO articles (id, title, outlet, language, source, published_utc_ticks, published_offset_minutes, published_precision, " +
        "authors_json, paragraphs_json, provenance_json, annotations_json) VALUES " +
        $"('{id}', 't', 'tirto.id', 'id', 's', {(ticks is null ? "NULL, NULL, NULL" : $"{ticks}, 420, 'Minute'")}, " +
        "'[]', '[]', '{}', '{\"entities\":[],\"times\":[],\"quotes\":[]}')");

    [Fact]
    public void Should_create_the_file_with_wal_journal_and_the_latest_schema_on_first_use()
    {
        var path = _folder.File("sub/dir/warta.db");

        using (var store = new SqliteStore(path))
        {
            Assert.Equal(SchemaMigrator.LatestVersion, store.SchemaVersion);
        }

        Assert.True(File.Exists(path));
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
        Assert.Equal(SchemaMigrator.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(path, "PRAGMA user_version"));
    }

    [Fact]
    public void Should_leave_schema_and_data_unchanged_when_an_existing_database_is_opened_again()
    {
        ArticleGenerators.DistinctArticles(5).Sample(articles =>
        {
            var path = _folder.File(Guid.NewGuid().ToString("N") + ".db");
            using (var store = new SqliteStore(path)) store.TryAddRange(articles);
            var schema = Schema(path);

            for (var i = 0; i < 3; i++)
            {
                using var reopened = new SqliteStore(path);
                Assert.Equal(articles.Length, reopened.Count());
                Assert.Equal(SchemaMigrator.LatestVersion, reopened.SchemaVersion);
            }

            Assert.Equal(schema, Schema(path));
        }, iter: 10, threads: 1);
    }

    [Fact]
    public void Should_apply_only_the_missing_steps_in_order_when_the_code_gains_a_migration()
    {
        var path = _folder.File("grow.db");
        using (var store = new SqliteStore(path)) store.TryAdd(SampleArticles.Make("a1"));
        var steps = SchemaMigrator.Steps.Append("CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (42);").ToList();

        using (var upgraded = new SqliteStore(path, steps)) Assert.Equal(steps.Count, upgraded.SchemaVersion);
        using (var again = new SqliteStore(path, steps)) Assert.Equal(1, again.Count());

        Assert.Equal("1", Scalar(path, "SELECT count(*) FROM extra"));
    }

    [Fact]
    public async Task Should_give_a_store_written_before_checkpoints_the_checkpoint_table_and_keep_its_placements()
    {
        var path = _folder.File("v1.db");
        using (new SqliteStore(path, SchemaMigrator.Steps.Take(1).ToList()))
        {
        }
        InsertOldArticle(path, "a1", null);
        // Written as a Warta of schema version 1 wrote them.
        Scalar(path, "INSERT INTO stories (id, headline, article_count, outlets_json, updated_seq) VALUES ('s1', 'Banjir', 1, '[]', 1)");
        Scalar(path, "INSERT INTO story_assignments (article_id, story_id, similarity) VALUES ('a1', 's1', 0)");

        using var store = new SqliteStore(path);

        Assert.Equal(SchemaMigrator.LatestVersion, store.SchemaVersion);
        Assert.Null((await store.GetCheckpointAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, store.CountPlaced());
        Assert.Equal("s1", store.GetAssignment("a1")?.StoryId);
    }

    [Fact]
    public async Task Should_number_the_articles_placements_and_merges_of_a_store_written_before_the_change_sequence_and_keep_its_exact_checkpoint()
    {
        var path = _folder.File("v2.db");
        using (new SqliteStore(path, SchemaMigrator.Steps.Take(2).ToList()))
        {
        }
        // Written as a Warta of schema version 2 wrote them: three articles, two placements, a merge, and a checkpoint reflecting both placements.
        InsertOldArticle(path, "late", 2);
        InsertOldArticle(path, "early", 1);
        InsertOldArticle(path, "unplaced", null);
        Scalar(path, "INSERT INTO stories (id, headline, article_count, outlets_json, updated_seq) VALUES ('s1', 'Banjir', 2, '[]', 1)");
        Scalar(path, "INSERT INTO story_assignments (article_id, story_id, similarity) VALUES ('late', 's1', 0.5), ('early', 's1', 0)");
        Scalar(path, "INSERT INTO story_merges (from_story_id, into_story_id, article_id, similarity) VALUES ('s2', 's1', 'late', 0.5)");
        Scalar(path, "INSERT INTO clusterer_checkpoint (id, format_version, options_fingerprint, article_count, last_article_id, snapshot) VALUES (1, 1, 'f', 2, 'late', x'01')");

        using var store = new SqliteStore(path);

        Assert.Equal(SchemaMigrator.LatestVersion, store.SchemaVersion);
        var changes = await store.ChangesSinceAsync(0, 100, TestContext.Current.CancellationToken);
        Assert.Equal(
            ["ArticleAdded early", "ArticleAdded late", "ArticleAdded unplaced", "ArticlePlaced early", "ArticlePlaced late", "StoriesMerged late"],
            changes.Select(static c => $"{c.Kind} {c.ArticleId}"));
        Assert.Equal(["early", "late"], (await store.ListPlacedSinceAsync(0, 10, TestContext.Current.CancellationToken)).Select(static p => p.Article.Id));
        Assert.Equal(changes[^1].Sequence, (await store.GetCheckpointAsync(TestContext.Current.CancellationToken))?.ChangeSequence);
    }

    [Fact]
    public async Task Should_drop_on_upgrade_a_checkpoint_that_did_not_reflect_exactly_the_placed_articles()
    {
        var path = _folder.File("v2-stale.db");
        using (new SqliteStore(path, SchemaMigrator.Steps.Take(2).ToList()))
        {
        }
        InsertOldArticle(path, "a1", null);
        Scalar(path, "INSERT INTO stories (id, headline, article_count, outlets_json, updated_seq) VALUES ('s1', 'Banjir', 1, '[]', 1)");
        Scalar(path, "INSERT INTO story_assignments (article_id, story_id, similarity) VALUES ('a1', 's1', 0)");
        Scalar(path, "INSERT INTO clusterer_checkpoint (id, format_version, options_fingerprint, article_count, last_article_id, snapshot) VALUES (1, 1, 'f', 0, 'none', x'01')");

        using var store = new SqliteStore(path);

        Assert.Equal(1, store.CountPlaced());
        Assert.Null((await store.GetCheckpointAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Should_count_out_on_upgrade_and_record_as_changes_the_superseded_revisions_of_a_store_before_step_12()
    {
        var path = _folder.File("v11.db");
        using (var old = new SqliteStore(path, SchemaMigrator.Steps.Take(11).ToList()))
        {
            // A followed page edited once (r1, then r2), both placed in s1 with another outlet's article, as step 11 left them.
            old.TryAdd(SampleArticles.Make("r1", "2026-11-30T08:00", "Banjir rendam 12 kelurahan, 1.240 warga mengungsi", "kabarnusantara.id"));
            old.TryAdd(SampleArticles.Make("r2", "2026-11-30T08:00", "Banjir rendam 12 kelurahan, 1.860 warga mengungsi", "kabarnusantara.id"));
            old.TryAdd(SampleArticles.Make("t1", "2026-11-30T09:00", "BPBD DKI buka posko pengungsian", "tirto.id"));
        }
        Scalar(path, "INSERT INTO stories (id, headline, article_count, outlets_json, updated_seq) VALUES ('s1', 'Banjir rendam 12 kelurahan', 3, '[]', 1)");
        Scalar(path, "INSERT INTO story_assignments (article_id, story_id, similarity, placed_seq) VALUES ('r1', 's1', 0, 11), ('r2', 's1', 0.9, 12), ('t1', 's1', 0.7, 13)");
        Scalar(path, "INSERT INTO article_revisions (key, revision, article_id, title, fetched_utc_ticks) VALUES ('https://kabarnusantara.id/banjir', 1, 'r1', 'Banjir', 1), ('https://kabarnusantara.id/banjir', 2, 'r2', 'Banjir', 2)");
        var before = long.Parse(Scalar(path, "SELECT max(seq) FROM changes"), System.Globalization.CultureInfo.InvariantCulture);

        using var store = new SqliteStore(path);

        Assert.Equal(2, store.GetStory("s1")!.ArticleCount);
        var change = Assert.Single(await store.ChangesSinceAsync(before, 10, TestContext.Current.CancellationToken));
        Assert.Equal((StoreChangeKind.ArticleSuperseded, "r1", "s1"), (change.Kind, change.ArticleId, change.StoryId));
    }

    [Fact]
    public void Should_keep_the_old_version_when_a_migration_step_fails()
    {
        var path = _folder.File("broken.db");
        using (new SqliteStore(path))
        {
        }
        var steps = SchemaMigrator.Steps.Append("CREATE TABLE half (x INTEGER); THIS IS NOT SQL;").ToList();

        var error = Assert.Throws<StoreFailureException>(() => new SqliteStore(path, steps));
        Assert.IsType<SqliteException>(error.InnerException);

        Assert.Equal(SchemaMigrator.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(path, "PRAGMA user_version"));
        Assert.Equal("0", Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'half'"));
    }

    [Fact]
    public void Should_refuse_with_a_clear_message_a_database_written_by_a_newer_version()
    {
        var path = _folder.File("future.db");
        using (new SqliteStore(path))
        {
        }
        Scalar(path, "PRAGMA user_version = 99");

        var error = Assert.Throws<StoreFailureException>(() => new SqliteStore(path));

        Assert.Equal(StoreFailure.Newer, error.Failure);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_store_nothing_of_a_batch_that_fails_part_way()
    {
        var path = _folder.File("atomic.db");
        using var store = new SqliteStore(path);
        store.TryAdd(SampleArticles.Make("kept"));
        var broken = SampleArticles.Make("b") with { Title = null! };

        Assert.ThrowsAny<Exception>(() => store.TryAddRange([SampleArticles.Make("a"), broken]));

        Assert.Equal(["kept"], store.List().Select(static a => a.Id));
    }

    [Fact]
    public void Should_keep_committed_articles_and_drop_an_uncommitted_batch_when_the_process_dies()
    {
        var path = _folder.File("crash.db");
        using (var store = new SqliteStore(path)) store.TryAdd(SampleArticles.Make("committed"));

        // A second connection writes half a batch and is dropped without commit, as a killed process would leave it.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO articles (id, title, outlet, language, source, authors_json, paragraphs_json, provenance_json, annotations_json) " +
                "VALUES ('half', 't', '', 'id', 's', '[]', '[]', '{}', '{\"entities\":[],\"times\":[],\"quotes\":[]}')";
            command.ExecuteNonQuery();
        }

        using var reopened = new SqliteStore(path);
        Assert.Equal(["committed"], reopened.List().Select(static a => a.Id));
        Assert.False(reopened.TryAdd(SampleArticles.Make("committed")));
        Assert.True(reopened.TryAdd(SampleArticles.Make("half")));
    }

    [Fact]
    public void Should_find_ids_by_prefix_in_order()
    {
        using var store = new SqliteStore(_folder.File("prefix.db"));
        store.TryAddRange([SampleArticles.Make("ab12"), SampleArticles.Make("ab34"), SampleArticles.Make("cd56"), SampleArticles.Make("a_x")]);

        Assert.Equal(["ab12", "ab34"], store.IdsStartingWith("ab"));
        Assert.Equal(["a_x"], store.IdsStartingWith("a_"));
        Assert.Empty(store.IdsStartingWith("zz"));
    }

    [Fact]
    public void Should_keep_the_outlet_offset_and_precision_of_the_publication_time()
    {
        using var store = new SqliteStore(_folder.File("time.db"));
        var wita = new PublicationTime(new DateTimeOffset(2019, 3, 26, 20, 34, 17, TimeSpan.FromHours(8)), TimePrecision.Second);
        store.TryAdd(SampleArticles.Make("t") with { Published = wita });

        var published = store.Get("t")!.Published!.Value;

        Assert.Equal(TimeSpan.FromHours(8), published.Value.Offset);
        Assert.Equal(wita.Value.UtcTicks, published.Value.UtcTicks);
        Assert.Equal(TimePrecision.Second, published.Precision);
    }
}
