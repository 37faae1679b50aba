using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>Writes to the configured store outside ingestion: deleting an article, backing up and restoring, each under the store's write lock where it writes.</summary>
public sealed class StoreMaintenance(StoreOpener storeOpener, IEnumerable<IChangeFollowerSource> followerSources, TextAnalysisServices textAnalysis)
{
    /// <summary>The search index's folder beside a store file.</summary>
    public static string SearchIndexOf(string storePath) => storePath + ".search";

    /// <summary>Deletes the article named by <paramref name="idOrPrefix"/> (an id or unique prefix) through a placer, then brings the change followers (search index, story views) up to date.</summary>
    /// <remarks>
    /// The placer holds the write lock and takes the article out of the clusterer too, saving its checkpoint in the
    /// deletion's transaction: the next writer restores it instead of re-running every placement (a re-run could name and
    /// merge stories otherwise than the store has them).
    /// </remarks>
    /// <exception cref="StoreUnavailableException">The store cannot be opened for writing.</exception>
    /// <exception cref="StoreBusyException">Another writer kept the lock past <paramref name="lockTimeout"/>.</exception>
    public async Task<ArticleDeletion> DeleteArticleAsync(
        string idOrPrefix, TimeSpan lockTimeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        using var store = storeOpener.Open(lockTimeout);
        var followers = new List<IChangeFollower>();
        try
        {
            foreach (var source in followerSources)
            {
                if (source.Open(store, storeOpener.Location) is { } follower) followers.Add(follower);
            }
            var options = new StoryPlacerOptions { LockTimeout = lockTimeout, Followers = followers };
            var placer = await StoryPlacer.OpenAsync(store, textAnalysis.Analyzer, options, onWaiting, cancellationToken).ConfigureAwait(false);
            await using (placer.ConfigureAwait(false))
            {
                var resolution = await new ArticleQueries(store).ResolveAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
                if (resolution.Kind != IdResolutionKind.Found) return new ArticleDeletion(resolution, null);
                var change = await placer.DeleteAsync(resolution.Value!.Id, cancellationToken).ConfigureAwait(false);
                await placer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                return new ArticleDeletion(resolution, change);
            }
        }
        finally
        {
            foreach (var follower in followers) follower.Dispose();
        }
    }

    /// <summary>Backs the store up to a new file at <paramref name="destination"/>, with a copy of its search index folder when there is one.</summary>
    /// <remarks>
    /// The index is copied first, under the store's write lock (a Lucene index is immutable segment files plus the
    /// segments_N naming them; with no writer running the folder is consistent), then the database with SQLite's online
    /// backup, which takes a read transaction and lets a writer go on. So the copied index is never ahead of the copied
    /// store, and a writer opening the restored store catches the index up from the change sequence.
    /// </remarks>
    /// <returns>Whether a search index was copied.</returns>
    /// <exception cref="IOException">The destination (or its index folder) exists already.</exception>
    public async Task<bool> BackupAsync(string destination, TimeSpan lockTimeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var target = Path.GetFullPath(destination);
        var targetIndex = SearchIndexOf(target);
        if (File.Exists(target) || Directory.Exists(target) || Directory.Exists(targetIndex))
        {
            throw new IOException($"'{target}' exists already; a backup never overwrites");
        }
        ThrowIfPostgres("backup");
        using var opened = storeOpener.OpenForReading();
        var store = (SqliteStore)opened;
        var index = SearchIndexOf(store.Path);
        var copiedIndex = false;
        if (Directory.Exists(index))
        {
            var writeLock = await store.AcquireWriteLockAsync(lockTimeout, onWaiting, cancellationToken).ConfigureAwait(false);
            await using (writeLock.ConfigureAwait(false))
            {
                CopyFolder(index, targetIndex);
                copiedIndex = true;
            }
        }
        store.BackupTo(target);
        return copiedIndex;
    }

    /// <summary>Restores the configured store from <paramref name="backup"/> (and its search index when the backup has one).</summary>
    /// <param name="backup">A file written by <see cref="BackupAsync"/>.</param>
    /// <param name="replace">Whether an existing store may be replaced; without it an existing store is refused.</param>
    /// <param name="lockTimeout">How long to wait for a writer of the existing store.</param>
    /// <param name="onWaiting">Told once when a writer holds the lock.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="IOException">A store exists at the destination and <paramref name="replace"/> is false.</exception>
    /// <exception cref="StoreFailureException">The backup is missing, not a Warta store, newer or damaged.</exception>
    public async Task RestoreAsync(string backup, bool replace, TimeSpan lockTimeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backup);
        ThrowIfPostgres("restore");
        var source = Path.GetFullPath(backup);
        var target = Path.GetFullPath(storeOpener.Location);
        if (string.Equals(source, target, StringComparison.Ordinal)) throw new IOException($"'{source}' is the store itself; restore a backup into another --db");
        var targetIndex = SearchIndexOf(target);
        // A search index left without its store is derived data that the restored one replaces; only a store needs --force.
        if (!replace && File.Exists(target))
        {
            throw new IOException($"a store exists at '{target}'; give --force to replace it with the backup");
        }
        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        // The lock file alone, not a store: the store being replaced may be damaged (a reason to restore) and unopenable.
        var writeLock = await SqliteStore.AcquireWriteLockAsync(target, lockTimeout, onWaiting, cancellationToken).ConfigureAwait(false);
        await using (writeLock.ConfigureAwait(false))
        {
            SqliteStore.Restore(source, target);
            if (Directory.Exists(targetIndex)) Directory.Delete(targetIndex, recursive: true);
            var index = SearchIndexOf(source);
            if (Directory.Exists(index)) CopyFolder(index, targetIndex);
        }
    }

    /// <summary>Backup and restore copy an SQLite file; a PostgreSQL database is backed up with the server's own tools.</summary>
    private void ThrowIfPostgres(string what)
    {
        if (storeOpener.IsPostgres)
        {
            throw new StoreUnavailableException(storeOpener.DisplayLocation,
                $"{what} is not supported for PostgreSQL stores (it copies an SQLite file); use pg_dump and pg_restore on the database", null);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    /// <summary>Copies the configured embedded store into the empty PostgreSQL store at <paramref name="target"/>, then builds
    /// the PostgreSQL search index from the copied change sequence (<c>warta migrate</c>).</summary>
    /// <remarks>
    /// Both stores' write locks are held throughout, so the copy is of one state of the source and no writer starts on the
    /// target before it is complete. The rows are copied as they are, in one transaction: ids, change numbers, the clusterer
    /// checkpoint (so the first placer on the target restores it rather than re-running every placement) and the story views
    /// with their position, the followed sources' state, and the alert rules with their alerts, deliveries and the evaluator's position.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The configured store is not an embedded (SQLite) one.</exception>
    /// <exception cref="StoreUnavailableException">The configured store cannot be opened.</exception>
    /// <exception cref="StoreFailureException">The target cannot be reached, or is not empty (nothing is written).</exception>
    /// <exception cref="StoreBusyException">A writer kept either store's lock past <paramref name="lockTimeout"/>.</exception>
    public async Task<StoreMigration> MigrateToPostgresAsync(
        string target, TimeSpan lockTimeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (storeOpener.IsPostgres || !PostgresLocation.IsPostgres(target))
        {
            throw new InvalidOperationException("migrate copies an embedded store (--db FILE) into PostgreSQL (--to postgres://…)");
        }
        using var source = (SqliteStore)storeOpener.Open(lockTimeout);
        var sourceLock = await source.AcquireWriteLockAsync(lockTimeout, onWaiting, cancellationToken).ConfigureAwait(false);
        await using (sourceLock.ConfigureAwait(false))
        {
            using var destination = new PostgresStore(PostgresLocation.ToConnectionString(target));
            var targetLock = await destination.AcquireWriteLockAsync(lockTimeout, onWaiting, cancellationToken).ConfigureAwait(false);
            await using (targetLock.ConfigureAwait(false))
            {
                var latest = await source.LatestSequenceAsync(cancellationToken).ConfigureAwait(false);
                var copied = await destination.ImportAsync(source.ReadRows, latest, cancellationToken).ConfigureAwait(false);
                using var search = new PostgresSearchFollower(destination, textAnalysis.Analyzer);
                await search.CatchUpAsync(cancellationToken).ConfigureAwait(false);
                return new StoreMigration(destination.Location, copied, await search.CountAsync(cancellationToken).ConfigureAwait(false), search.Sequence);
            }
        }
    }
}
