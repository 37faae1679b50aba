using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

/// <summary>The one place that turns an <see cref="SqliteException"/> into the <see cref="StoreFailureException"/> a command prints as one line.</summary>
internal static class SqliteFailures
{
    // Primary result codes (https://www.sqlite.org/rescode.html); extended codes carry them in the low byte.
    private const int Error = 1;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static StoreFailureException Map(SqliteException exception, string path, TimeSpan busyTimeout, int schemaVersion = SchemaMigrator.Unknown)
    {
        var (failure, reason) = (exception.SqliteErrorCode & 0xff) switch
        {
            Busy or Locked => (StoreFailure.Locked, string.Create(CultureInfo.InvariantCulture,
                $"another process held SQLite's lock on it for more than {busyTimeout.TotalSeconds:0.#} s (a long transaction by another program); nothing was written, try again when it has finished")),
            ReadOnly => (StoreFailure.ReadOnly, "it cannot be written (a read-only file, folder or medium); nothing was written"),
            Corrupt => (StoreFailure.Corrupt, "the file is damaged (database disk image is malformed); nothing was written, restore it from a backup with `warta restore`"),
            NotADatabase => (StoreFailure.NotADatabase, "the file is not an SQLite database"),
            Full => (StoreFailure.Full, "the disk is full (or the database reached its page limit); the transaction was rolled back and the store keeps what it had"),
            CantOpen => (StoreFailure.ReadOnly, "it cannot be opened (its folder may be missing or not writable)"),
            IoError => (StoreFailure.Other, $"disk I/O error ({OneLine(exception.Message)})"),
            Error when schemaVersion != SchemaMigrator.Unknown && schemaVersion < SchemaMigrator.LatestVersion => (StoreFailure.Older, string.Create(CultureInfo.InvariantCulture,
                $"the store is at schema step {schemaVersion}, older than the {SchemaMigrator.LatestVersion} this command needs ({OneLine(exception.Message)}); run `warta ingest` on it once to upgrade it")),
            _ => (StoreFailure.Other, OneLine(exception.Message)),
        };
        return new StoreFailureException(failure, path, reason, exception);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
