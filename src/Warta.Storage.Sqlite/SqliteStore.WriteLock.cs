using System.Diagnostics;
using System.Globalization;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>How often a waiting writer tries the lock again.</summary>
    private const int LockRetryMs = 50;

    /// <summary>The file whose exclusive lock is the store's write lock.</summary>
    public string WriteLockPath => Path + ".writer";

    /// <summary>Takes the store's write lock: an exclusive lock on <see cref="WriteLockPath"/>, so it spans processes.</summary>
    /// <remarks>
    /// The lock is the operating system's (an exclusive open; <c>flock</c> on Linux), so a killed writer's lock is released
    /// with its process and never has to be broken by hand. SQLite's own lock only spans one transaction; a placer needs
    /// the store to itself from its duplicate lookups to its last commit.
    /// </remarks>
    public async Task<IAsyncDisposable> AcquireWriteLockAsync(TimeSpan timeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                return new WriteLock(new FileStream(WriteLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                if (!told)
                {
                    onWaiting?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"waiting up to {timeout.TotalSeconds:0.#} s for another writer of '{Path}' to finish (lock file {WriteLockPath})"));
                    told = true;
                }
                await Task.Delay(LockRetryMs, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new StoreBusyException(string.Create(CultureInfo.InvariantCulture,
                    $"another writer still holds '{Path}' after {timeout.TotalSeconds:0.#} s (lock file {WriteLockPath})"), ex);
            }
        }
    }

    /// <summary>Holds the lock file open; closing it lets the next writer in.</summary>
    private sealed class WriteLock(FileStream file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
