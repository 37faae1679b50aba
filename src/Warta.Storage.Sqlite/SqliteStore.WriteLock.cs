using System.Diagnostics;
using System.Globalization;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>How often a waiting writer tries the lock again.</summary>
    private const int LockRetryMs = 50;

    /// <summary>The file whose exclusive lock is the store's write lock.</summary>
    public string WriteLockPath => LockFileOf(Path);

    private static string LockFileOf(string storePath) => storePath + ".writer";

    /// <summary>Takes the store's write lock: an exclusive lock on <see cref="WriteLockPath"/>, so it spans processes.</summary>
    /// <remarks>
    /// The lock is the operating system's (an exclusive open; <c>flock</c> on Linux), so a killed writer's lock is released
    /// with its process and never has to be broken by hand. SQLite's own lock only spans one transaction; a placer needs
    /// the store to itself from its duplicate lookups to its last commit. Once the lock file is held, it also waits (within
    /// the same timeout) for SQLite's write lock, which another program may hold with a long transaction.
    /// </remarks>
    public async Task<IAsyncDisposable> AcquireWriteLockAsync(TimeSpan timeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        var held = await AcquireWriteLockAsync(Path, timeout, onWaiting, cancellationToken).ConfigureAwait(false);
        try
        {
            await WaitForSqliteLockAsync(timeout - waited.Elapsed, onWaiting, cancellationToken).ConfigureAwait(false);
            return held;
        }
        catch
        {
            await held.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Takes the write lock of the store at <paramref name="storePath"/> without opening it (a restore replaces a store that may not open).</summary>
    /// <exception cref="StoreBusyException">Another writer still held it after <paramref name="timeout"/>.</exception>
    public static async Task<IAsyncDisposable> AcquireWriteLockAsync(
        string storePath, TimeSpan timeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        var lockPath = LockFileOf(System.IO.Path.GetFullPath(storePath));
        var waited = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                return new WriteLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                if (!told)
                {
                    onWaiting?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"waiting up to {timeout.TotalSeconds:0.#} s for another writer of '{storePath}' to finish (lock file {lockPath})"));
                    told = true;
                }
                await Task.Delay(LockRetryMs, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new StoreBusyException(string.Create(CultureInfo.InvariantCulture,
                    $"another writer still holds '{storePath}' after {timeout.TotalSeconds:0.#} s (lock file {lockPath})"), ex);
            }
        }
    }

    /// <summary>Waits until SQLite's own write lock is free: another program (not a Warta writer, which would hold the lock
    /// file) may keep a transaction open on the file, and a commit would otherwise fail only after the busy timeout.</summary>
    private async Task WaitForSqliteLockAsync(TimeSpan timeout, Action<string>? onWaiting, CancellationToken cancellationToken)
    {
        if (IsReadOnly) return;
        var waited = Stopwatch.StartNew();
        using var begin = Command("BEGIN IMMEDIATE");
        // One second per try (SQLite retries inside it), so the wait is bounded by the caller's timeout give or take one.
        begin.CommandTimeout = 1;
        using var rollback = Command("ROLLBACK");
        var told = false;
        while (true)
        {
            try
            {
                begin.ExecuteNonQuery();
                rollback.ExecuteNonQuery();
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when ((ex.SqliteErrorCode & 0xff) is 5 or 6)
            {
                if (!told)
                {
                    onWaiting?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"waiting up to {Math.Max(0, timeout.TotalSeconds):0.#} s for another program's transaction on '{Path}' to end (it holds SQLite's write lock, not Warta's lock file)"));
                    told = true;
                }
                if (waited.Elapsed >= timeout)
                {
                    throw new StoreBusyException(string.Create(CultureInfo.InvariantCulture,
                        $"another program kept a transaction open on '{Path}' (SQLite's write lock) for more than {Math.Max(0, timeout.TotalSeconds):0.#} s"), ex);
                }
                await Task.Delay(LockRetryMs, cancellationToken).ConfigureAwait(false);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                throw Failure(ex);
            }
        }
    }

    /// <summary>Holds the lock file open; closing it lets the next writer in.</summary>
    private sealed class WriteLock(FileStream file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
