using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Warta.Core.Storage;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Sqlite.Tests;

public sealed class StoreSafetyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Hash(string path) => RawSqlite.Hash(path);

    private static SqliteConnection Connect(string path) => RawSqlite.Connect(path);

    private static void Run(string path, string sql) => RawSqlite.Run(path, sql);

    /// <summary>Opening for writing and for reading both refuse the file, and neither changes a byte of it or leaves -wal/-shm beside it.</summary>
    private static StoreFailure RefusedUntouched(string path)
    {
        var before = Hash(path);

        var writing = Assert.Throws<StoreFailureException>(() => new SqliteStore(path).Dispose());
        var reading = Assert.Throws<StoreFailureException>(() => SqliteStore.OpenForReading(path).Dispose());

        Assert.Equal(writing.Failure, reading.Failure);
        Assert.Contains(path, writing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', writing.Message);
        Assert.Equal(before, Hash(path));
        Assert.False(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + "-shm"));
        return writing.Failure;
    }

    [Fact]
    public void Should_refuse_a_file_that_is_not_sqlite_and_leave_it_byte_identical()
    {
        var path = _folder.File("notes.db");
        File.WriteAllText(path, "these are somebody's notes, long enough to have a header that is not SQLite's at all");

        Assert.Equal(StoreFailure.NotADatabase, RefusedUntouched(path));
    }

    [Fact]
    public void Should_refuse_another_applications_database_and_leave_it_byte_identical()
    {
        var path = _folder.File("other.db");
        Run(path, "PRAGMA journal_mode = DELETE; CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('keep me');");

        Assert.Equal(StoreFailure.Foreign, RefusedUntouched(path));
    }

    [Fact]
    public void Should_refuse_a_store_of_a_newer_schema_in_delete_journal_mode_and_leave_it_byte_identical()
    {
        var path = _folder.File("future.db");
        using (new SqliteStore(path))
        {
        }
        Run(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");

        Assert.Equal(StoreFailure.Newer, RefusedUntouched(path));
    }

    [Fact]
    public void Should_not_create_a_missing_store_or_its_folder_when_opened_for_reading()
    {
        var path = _folder.File("typo/warta.db");

        var error = Assert.Throws<StoreFailureException>(() => SqliteStore.OpenForReading(path).Dispose());

        Assert.Equal(StoreFailure.Missing, error.Failure);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("typo")));
    }

    [Fact]
    public void Should_read_a_store_without_switching_its_journal_or_migrating_it()
    {
        var path = _folder.File("old.db");
        using (var store = new SqliteStore(path)) store.TryAdd(SampleArticles.Make("a1"));
        // A store left in DELETE mode at an older schema step: a writer would switch it to WAL and migrate it.
        Run(path, $"PRAGMA journal_mode = DELETE; PRAGMA user_version = {SchemaMigrator.LatestVersion - 1};");
        var before = Hash(path);

        using (var reader = SqliteStore.OpenForReading(path))
        {
            Assert.Equal(1, reader.Count());
            Assert.Equal(SchemaMigrator.LatestVersion - 1, reader.SchemaVersion);
        }

        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public async Task Should_fail_a_write_to_a_store_that_cannot_be_written_with_a_one_line_read_only_failure()
    {
        var path = _folder.File("ro.db");
        using (var store = new SqliteStore(path)) store.TryAdd(SampleArticles.Make("a1"));
        // Tests run as root, for whom chmod does not stop a write; a read-only open gets the same SQLITE_READONLY a
        // read-only file, folder or medium gives.
        using var readOnly = SqliteStore.OpenForReading(path);

        var error = await Assert.ThrowsAsync<StoreFailureException>(() =>
            readOnly.CommitAsync(new PlacementBatch([SampleArticles.Make("a2")], [], [], []), TestContext.Current.CancellationToken));

        Assert.Equal(StoreFailure.ReadOnly, error.Failure);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(1, readOnly.Count());
    }

    [Fact]
    public async Task Should_roll_back_a_batch_that_fills_the_disk_and_keep_what_the_store_had()
    {
        var token = TestContext.Current.CancellationToken;
        var path = _folder.File("full.db");
        using var store = new SqliteStore(path);
        await store.CommitAsync(new PlacementBatch([SampleArticles.Make("a1")], [new("a1", "s1", null, 0)], [new("s1", "Banjir", 1, ["tirto.id"], null, null)], []), token);
        var sequence = await store.LatestSequenceAsync(token);
        store.LimitPages(new FileInfo(path).Length / 4096 + 2);
        var big = Enumerable.Range(0, 200).Select(i => SampleArticles.Make($"b{i}") with { Paragraphs = [new string('x', 4000)] }).ToList();

        var error = await Assert.ThrowsAsync<StoreFailureException>(() => store.CommitAsync(new PlacementBatch(big, [], [], []), token));

        Assert.Equal(StoreFailure.Full, error.Failure);
        Assert.Equal(1, store.Count());
        Assert.Equal(sequence, await store.LatestSequenceAsync(token));
        store.LimitPages(1_000_000);
        await store.CommitAsync(new PlacementBatch([SampleArticles.Make("a2")], [], [], []), token);
        Assert.Equal(2, store.Count());
    }

    [Fact]
    public void Should_refuse_to_write_into_a_damaged_store_and_fail_reads_of_the_damaged_page_with_one_line()
    {
        var path = _folder.File("damaged.db");
        using (var store = new SqliteStore(path))
        {
            store.TryAddRange([.. Enumerable.Range(0, 50).Select(i => SampleArticles.Make($"a{i:00}") with { Paragraphs = [new string('x', 2000)] })]);
        }
        StoreDamage.Overwrite(path, "articles");
        var before = Hash(path);

        var writing = Assert.Throws<StoreFailureException>(() => new SqliteStore(path).Dispose());
        using var reader = SqliteStore.OpenForReading(path);
        var reading = Assert.ThrowsAny<StoreFailureException>(() => reader.List());

        Assert.Equal(StoreFailure.Corrupt, writing.Failure);
        Assert.Equal(StoreFailure.Corrupt, reading.Failure);
        Assert.DoesNotContain('\n', reading.Message);
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public async Task Should_wait_a_bounded_time_saying_so_for_another_programs_transaction_then_fail_as_busy()
    {
        var path = _folder.File("locked.db");
        using var store = new SqliteStore(path, TimeSpan.FromSeconds(1));
        using var other = Connect(path);
        using var transaction = other.BeginTransaction();
        var told = new List<string>();

        var error = await Assert.ThrowsAsync<StoreBusyException>(() =>
            store.AcquireWriteLockAsync(TimeSpan.FromSeconds(1), told.Add, TestContext.Current.CancellationToken));

        Assert.Contains("another program", Assert.Single(told), StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        // The lock file was let go again: once the other transaction ends, a writer gets in.
        transaction.Rollback();
        await (await store.AcquireWriteLockAsync(TimeSpan.FromSeconds(1), null, TestContext.Current.CancellationToken)).DisposeAsync();
    }

    [Fact]
    public async Task Should_fail_a_commit_as_locked_when_another_program_holds_sqlites_lock_past_the_busy_timeout()
    {
        var path = _folder.File("locked-commit.db");
        using var store = new SqliteStore(path, TimeSpan.FromSeconds(1));
        using var other = Connect(path);
        using var transaction = other.BeginTransaction();

        var error = await Assert.ThrowsAsync<StoreFailureException>(() =>
            store.CommitAsync(new PlacementBatch([SampleArticles.Make("a1")], [], [], []), TestContext.Current.CancellationToken));

        Assert.Equal(StoreFailure.Locked, error.Failure);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Should_back_up_the_last_commit_while_another_connection_holds_an_uncommitted_write()
    {
        var token = TestContext.Current.CancellationToken;
        var path = _folder.File("live.db");
        using var store = new SqliteStore(path);
        store.TryAdd(SampleArticles.Make("a1"));
        using var other = Connect(path);
        using (var transaction = other.BeginTransaction())
        {
            using var uncommitted = other.CreateCommand();
            uncommitted.Transaction = transaction;
            uncommitted.CommandText = "DELETE FROM changes";
            uncommitted.ExecuteNonQuery();

            store.BackupTo(_folder.File("backup.db"));

            transaction.Rollback();
        }

        using var backup = SqliteStore.OpenForReading(_folder.File("backup.db"));
        Assert.Equal(1, backup.Count());
        Assert.Equal(1, await backup.LatestSequenceAsync(token));
    }

    [Fact]
    public void Should_refuse_to_back_up_over_an_existing_file()
    {
        using var store = new SqliteStore(_folder.File("s.db"));
        var existing = _folder.File("there.db");
        File.WriteAllText(existing, "keep");

        Assert.Throws<IOException>(() => store.BackupTo(existing));

        Assert.Equal("keep", File.ReadAllText(existing));
    }

    [Fact]
    public void Should_refuse_to_restore_from_a_file_that_is_not_a_warta_store()
    {
        var notes = _folder.File("notes.db");
        Run(notes, "CREATE TABLE notes (x TEXT)");
        var target = _folder.File("target.db");

        var error = Assert.Throws<StoreFailureException>(() => SqliteStore.Restore(notes, target));

        Assert.Equal(StoreFailure.Foreign, error.Failure);
        Assert.False(File.Exists(target));
    }
}
