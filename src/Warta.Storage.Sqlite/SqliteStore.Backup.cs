using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Copies the database to a new file at <paramref name="destination"/> with SQLite's online backup.</summary>
    /// <remarks>
    /// The copy is made in one backup step, which holds a read transaction on this store from the first page to the
    /// last: it is the store as of one commit, and (in WAL mode) a writer in another process keeps committing meanwhile.
    /// It does not take the store's write lock.
    /// </remarks>
    /// <exception cref="IOException"><paramref name="destination"/> exists already.</exception>
    public void BackupTo(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var target = System.IO.Path.GetFullPath(destination);
        if (File.Exists(target) || Directory.Exists(target)) throw new IOException($"'{target}' exists already; a backup never overwrites");
        var folder = System.IO.Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = target,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            _connection.BackupDatabase(connection);
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.Map(ex, target, BusyTimeout);
        }
    }

    /// <summary>Writes the Warta store <paramref name="backup"/> to <paramref name="destination"/>, which must not be in use.</summary>
    /// <remarks>
    /// The backup is inspected first (it must be a Warta store this build knows, and pass SQLite's quick check). The copy
    /// goes to a temporary file beside the destination, which then replaces it, with the destination's old <c>-wal</c>
    /// and <c>-shm</c> removed (a stale WAL would otherwise be applied to the new file). The caller holds the
    /// destination's write lock and has decided that an existing destination may be replaced.
    /// </remarks>
    /// <exception cref="StoreFailureException">The backup is missing, not a Warta store, newer or damaged.</exception>
    public static void Restore(string backup, string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backup);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var source = System.IO.Path.GetFullPath(backup);
        var target = System.IO.Path.GetFullPath(destination);
        if (StoreInspection.Inspect(source, SchemaMigrator.LatestVersion, verifyPages: true) is null)
        {
            throw new StoreFailureException(StoreFailure.Missing, source, "there is no backup there (or the file is empty)");
        }
        var folder = System.IO.Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var temporary = target + ".restoring";
        DeleteDatabaseFiles(temporary);
        try
        {
            using (var from = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                // A backup nobody writes: immutable, so reading it leaves no -wal or -shm beside it.
                DataSource = File.Exists(source + "-wal") ? source : "file:" + StoreInspection.UriPath(source) + "?immutable=1",
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
                using var wal = to.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode = WAL";
                wal.ExecuteNonQuery();
            }
            File.Delete(target + "-wal");
            File.Delete(target + "-shm");
            File.Move(temporary, target, overwrite: true);
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.Map(ex, target, DefaultBusyTimeout);
        }
        finally
        {
            DeleteDatabaseFiles(temporary);
        }
    }

    private static void DeleteDatabaseFiles(string path)
    {
        File.Delete(path);
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
    }
}
