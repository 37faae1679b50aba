using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

/// <summary>What the commands do to a store that is missing, foreign, newer, damaged or locked, and backup, restore and delete end to end.</summary>
public sealed class StoreSafetyCommandsTests : IDisposable
{
    private static readonly string[][] ReadCommands =
        [["articles"], ["article", "a1"], ["stories"], ["story", "s-a1"], ["entities"], ["entity", "place:bekasi"]];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Hash(string path) => RawSqlite.Hash(path);

    private static SqliteConnection Connect(string path) => RawSqlite.Connect(path);

    private static void Run(string path, string sql) => RawSqlite.Run(path, sql);

    private string IngestCorpus(string name)
    {
        var db = _folder.File(name);
        var ingest = WartaInProcess.Run("--db", db, "ingest", RepoPaths.Combine("samples", "corpus"));
        Assert.Equal(0, ingest.ExitCode);
        return db;
    }

    private static void AssertOneLineError(WartaResult result, int exitCode, string mentions)
    {
        Assert.Equal(exitCode, result.ExitCode);
        var last = Assert.Single(result.ErrorLines, static l => l.StartsWith("warta: ", StringComparison.Ordinal) && !l.Contains("waiting up to", StringComparison.Ordinal));
        Assert.Contains(mentions, last, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_create_a_missing_store_or_its_folder_for_any_read_command()
    {
        var db = _folder.File("typo/warta.db");

        foreach (var command in ReadCommands)
        {
            var result = WartaInProcess.Run(["--db", db, .. command]);

            AssertOneLineError(result, 2, db);
            Assert.Empty(result.Output);
        }
        Assert.False(Directory.Exists(_folder.File("typo")));
    }

    [Fact]
    public void Should_leave_another_applications_database_byte_identical_for_read_and_write_commands()
    {
        var db = _folder.File("other.db");
        Run(db, "PRAGMA journal_mode = DELETE; CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);");
        AssertRefusedUntouched(db);
    }

    [Fact]
    public void Should_leave_a_file_that_is_not_sqlite_byte_identical_for_read_and_write_commands()
    {
        var db = _folder.File("notes.db");
        File.WriteAllText(db, "Catatan rapat redaksi, Senin: liputan banjir Bekasi dan sidang wali kota. Bukan basis data.");
        AssertRefusedUntouched(db);
    }

    [Fact]
    public void Should_leave_a_store_of_a_newer_schema_in_delete_journal_mode_byte_identical_for_read_and_write_commands()
    {
        var db = _folder.File("future.db");
        using (new SqliteStore(db))
        {
        }
        Run(db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
        AssertRefusedUntouched(db);
    }

    private void AssertRefusedUntouched(string db)
    {
        var before = Hash(db);
        var input = _folder.File("berita.txt");
        File.WriteAllText(input, "Banjir Rendam Desa Lamaru\n\nLAMARU - Banjir merendam ratusan rumah di Desa Lamaru, Senin (3/3/2025).");

        foreach (var command in ReadCommands.Append(["ingest", input]).Append(["article", "delete", "a1"]).Append(["backup", _folder.File("b.db")]))
        {
            AssertOneLineError(WartaInProcess.Run(["--db", db, .. command]), 2, db);
            Assert.Equal(before, Hash(db));
            Assert.False(File.Exists(db + "-wal"));
            Assert.False(File.Exists(db + "-shm"));
        }
        Assert.False(File.Exists(_folder.File("b.db")));
    }

    [Fact]
    public void Should_give_one_line_for_a_damaged_store_and_write_nothing_into_it_on_ingest()
    {
        var db = IngestCorpus("damaged.db");
        StoreDamage.Overwrite(db, "articles");
        var before = Hash(db);

        AssertOneLineError(WartaInProcess.Run("--db", db, "articles"), 2, db);
        AssertOneLineError(WartaInProcess.Run("--db", db, "ingest", RepoPaths.Combine("samples", "corpus")), 2, db);

        Assert.Equal(before, Hash(db));
    }

    [Fact]
    public void Should_wait_a_bounded_time_saying_what_for_then_give_one_line_when_another_program_holds_the_store_locked()
    {
        var db = _folder.File("locked.db");
        using (new SqliteStore(db))
        {
        }
        using var other = Connect(db);
        using var transaction = other.BeginTransaction();

        var result = WartaInProcess.Run("--db", db, "ingest", "--lock-timeout", "1", RepoPaths.Combine("samples", "corpus"));

        AssertOneLineError(result, 2, db);
        Assert.Contains(result.ErrorLines, static l => l.Contains("waiting up to 1 s", StringComparison.Ordinal) && l.Contains("another program", StringComparison.Ordinal));
        transaction.Rollback();
        Assert.Equal(0, WartaInProcess.Run("--db", db, "ingest", RepoPaths.Combine("samples", "corpus")).ExitCode);
    }

    [Fact]
    public void Should_restore_a_backup_that_lists_the_same_stories_byte_for_byte_after_the_store_is_deleted()
    {
        var db = IngestCorpus("corpus.db");
        var backup = _folder.File("backups/corpus-backup.db");
        var stories = WartaInProcess.Run("--db", db, "stories", "--json");
        Assert.Equal(0, stories.ExitCode);
        Assert.Contains("\"id\"", stories.Output, StringComparison.Ordinal);

        var backedUp = WartaInProcess.Run("--db", db, "backup", backup);
        Assert.Equal(0, backedUp.ExitCode);
        foreach (var file in Directory.GetFiles(_folder.Path, "corpus.db*")) File.Delete(file);
        var restored = WartaInProcess.Run("--db", db, "restore", backup);

        Assert.Equal(0, restored.ExitCode);
        Assert.Equal(stories.Output, WartaInProcess.Run("--db", db, "stories", "--json").Output);
        AssertOneLineError(WartaInProcess.Run("--db", db, "restore", backup), 2, "--force");
        Assert.Equal(0, WartaInProcess.Run("--db", db, "restore", "--force", backup).ExitCode);
        Assert.Equal(stories.Output, WartaInProcess.Run("--db", db, "stories", "--json").Output);
        AssertOneLineError(WartaInProcess.Run("--db", db, "backup", backup), 2, backup);
    }

    [Fact]
    public void Should_copy_the_search_index_folder_with_a_backup_and_restore_it()
    {
        var db = IngestCorpus("indexed.db");
        Directory.CreateDirectory(db + ".search/sub");
        File.WriteAllText(db + ".search/segments_1", "segments");
        File.WriteAllText(db + ".search/sub/_0.cfs", "segment");
        var backup = _folder.File("indexed-backup.db");

        Assert.Equal(0, WartaInProcess.Run("--db", db, "backup", backup).ExitCode);
        Directory.Delete(db + ".search", recursive: true);
        Assert.Equal(0, WartaInProcess.Run("--db", db, "restore", "--force", backup).ExitCode);

        Assert.Equal("segments", File.ReadAllText(db + ".search/segments_1"));
        Assert.Equal("segment", File.ReadAllText(db + ".search/sub/_0.cfs"));
    }

    [Fact]
    public async Task Should_delete_one_article_of_a_story_so_the_story_lists_the_others_and_a_later_ingest_places_it_again()
    {
        var token = TestContext.Current.CancellationToken;
        var db = IngestCorpus("delete.db");
        string storyId, deleted;
        string[] kept;
        long before;
        using (var store = SqliteStore.OpenForReading(db))
        {
            var story = store.ListStories().First(s => store.GetAssignments(s.Id).Count >= 3);
            storyId = story.Id;
            var ids = store.GetAssignments(storyId).Select(static a => a.ArticleId).ToList();
            deleted = ids[^1];
            kept = [.. ids.Take(ids.Count - 1)];
            before = await store.LatestSequenceAsync(token);
        }

        var result = WartaInProcess.Run("--db", db, "article", "delete", deleted[..10]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(deleted, result.Output, StringComparison.Ordinal);
        var shown = WartaInProcess.Run("--db", db, "story", storyId, "--json");
        Assert.DoesNotContain(deleted, shown.Output, StringComparison.Ordinal);
        Assert.All(kept, id => Assert.Contains(id, shown.Output, StringComparison.Ordinal));
        Assert.Equal(1, WartaInProcess.Run("--db", db, "article", deleted).ExitCode);
        using (var store = SqliteStore.OpenForReading(db))
        {
            Assert.Equal(kept.Length, store.GetStory(storyId)!.ArticleCount);
            Assert.Equal(kept, store.GetAssignments(storyId).Select(static a => a.ArticleId));
            var change = Assert.Single(await store.ChangesSinceAsync(before, 10, token));
            Assert.Equal(new StoreChange(before + 1, StoreChangeKind.ArticleDeleted, deleted, storyId, null), change);
        }

        var again = WartaInProcess.Run("--db", db, "ingest", RepoPaths.Combine("samples", "corpus"));

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("new 1,", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, WartaInProcess.Run("--db", db, "article", deleted).ExitCode);
        using (var store = SqliteStore.OpenForReading(db))
        {
            Assert.NotNull(store.GetAssignment(deleted));
            var stories = store.ListStories();
            Assert.NotEmpty(stories);
            Assert.All(stories, s => Assert.Equal(store.GetAssignments(s.Id).Count, s.ArticleCount));
        }
    }

    [Fact]
    public void Should_refuse_an_ambiguous_prefix_with_exit_code_2_and_delete_nothing()
    {
        var db = IngestCorpus("ambiguous.db");
        int count;
        string shared;
        using (var store = SqliteStore.OpenForReading(db))
        {
            count = store.Count();
            shared = store.List().GroupBy(static a => a.Id[..1], StringComparer.Ordinal).First(static g => g.Count() >= 2).Key;
        }

        var result = WartaInProcess.Run("--db", db, "article", "delete", "");
        var prefix = WartaInProcess.Run("--db", db, "article", "delete", shared);

        Assert.Equal(1, result.ExitCode);
        AssertOneLineError(prefix, 2, "matches several articles");
        using (var store = SqliteStore.OpenForReading(db)) Assert.Equal(count, store.Count());
    }
}
