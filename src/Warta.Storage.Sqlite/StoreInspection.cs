using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

/// <summary>Looks at an existing file without changing a byte of it, before anything that writes is allowed near it.</summary>
/// <remarks>
/// Opening a file for writing is not neutral: <c>journal_mode = WAL</c> rewrites the header, a migration creates tables and
/// sets <c>user_version</c>, and even a read-only connection to a WAL database leaves <c>-wal</c> and <c>-shm</c> files
/// beside it. So a file is first read as bytes (the 16-byte SQLite header), then, when no <c>-wal</c> file says a writer
/// may be live, through an <c>immutable</c> connection, which takes no lock and creates nothing. Only a Warta store of a
/// schema step this build knows (or an empty file) passes.
/// </remarks>
internal static class StoreInspection
{
    private static readonly byte[] SqliteMagic = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>Tables every Warta schema since step 1 has; a database without them is not a Warta store.</summary>
    private static readonly string[] WartaTables = ["articles", "stories", "story_assignments"];

    /// <summary>The schema version of the store at <paramref name="path"/>, or null when there is no file or it is empty (nothing to protect).</summary>
    /// <param name="path">Full path of the file.</param>
    /// <param name="latest">The newest schema step this build knows.</param>
    /// <param name="verifyPages">Also runs <c>PRAGMA quick_check</c>, so a writer refuses a damaged store before writing into it.</param>
    /// <exception cref="StoreFailureException">Not SQLite, another application's database, a newer Warta store, or damaged.</exception>
    public static int? Inspect(string path, int latest, bool verifyPages)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0) return null;
        if (!HasSqliteHeader(path))
        {
            throw new StoreFailureException(StoreFailure.NotADatabase, path,
                "the file is not an SQLite database, so it is not a Warta store; it was left untouched (use another --db)");
        }
        using var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            connection.Open();
            var version = SchemaMigrator.ReadVersion(connection);
            var tables = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                using var reader = command.ExecuteReader();
                while (reader.Read()) tables.Add(reader.GetString(0));
            }
            var isEmpty = tables.Count == 0 && version == 0;
            if (!isEmpty && !WartaTables.All(t => tables.Contains(t, StringComparer.Ordinal)))
            {
                var shown = string.Join(", ", tables.Take(5)) + (tables.Count > 5 ? ", …" : "");
                throw new StoreFailureException(StoreFailure.Foreign, path, string.Create(CultureInfo.InvariantCulture,
                    $"an SQLite database of another application (tables: {(tables.Count == 0 ? "none" : shown)}; user_version {version}), not a Warta store; it was left untouched (use another --db)"));
            }
            SchemaMigrator.ThrowIfNewer(version, path, latest);
            if (verifyPages && !isEmpty) QuickCheck(connection, path);
            return version;
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.Map(ex, path, TimeSpan.Zero);
        }
    }

    /// <summary>SQLite's quick check (page structure, not index contents): 0.53-0.57 s for a 43,003-article, 104 MB store on an idle
    /// machine, up to 1.7 s while other builds share its two cores (sqlite3 CLI, PRAGMA quick_check(1)).</summary>
    private static void QuickCheck(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        // quick_check(1) stops at the first problem; a sound store reads "ok".
        command.CommandText = "PRAGMA quick_check(1)";
        var result = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new StoreFailureException(StoreFailure.Corrupt, path,
                $"the file is damaged ({(result ?? "").ReplaceLineEndings(" ")}); nothing was written, restore it from a backup with `warta restore`");
        }
    }

    private static bool HasSqliteHeader(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(SqliteMagic);
    }

    private static string ConnectionString(string path)
    {
        // Without a -wal file no writer is live and the main file is the whole database, so an immutable open reads it
        // exactly and creates no -wal or -shm beside it. With one, the WAL must be read too: a plain read-only open.
        var live = File.Exists(path + "-wal");
        return new SqliteConnectionStringBuilder
        {
            DataSource = live ? path : "file:" + UriPath(path) + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
    }

    /// <summary>The path as an SQLite URI path: only the characters a URI gives a meaning (%, ?, #) are escaped.</summary>
    internal static string UriPath(string path) =>
        path.Replace("%", "%25", StringComparison.Ordinal).Replace("?", "%3f", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
}
