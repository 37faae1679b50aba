using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Warta.Search.Lucene;

/// <summary>Indexes items on one thread per core, taken from a bounded queue in the order they were queued; an item's key
/// (an article id) is never queued twice at once.</summary>
/// <remarks>It replaced a parallel loop over each read of changes. A thread whose document fills the writer's memory flushes a
/// whole segment before it returns (about five seconds at a million articles), and the loop's other threads waited for it at
/// the end of the read: one core idle for a ninth of `warta bench search --articles 1000000`. Here they go on with the next
/// items. A key queued again while its first item waits or runs first waits for the queue to empty, so the last change of an
/// article is the one the index keeps. What needs everything queued in the index (a commit, a near-real-time reader, a
/// delete of a queued article) calls <see cref="DrainAsync"/> first.</remarks>
/// <typeparam name="T">An item to index.</typeparam>
internal sealed class IndexingWorkers<T>
{
    /// <summary>Items queued and not yet taken: enough to keep every thread busy while the producer reads the next changes.</summary>
    private const int Capacity = 128;

    private readonly Action<T> _index;
    private readonly Func<T, string> _key;
    private readonly int _threads;
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);
    private BlockingCollection<T>? _queue;
    private CancellationTokenSource? _failed;
    private Task[] _workers = [];
    private Exception? _failure;

    /// <param name="index">Indexes one item (called on the workers' threads, several at once).</param>
    /// <param name="key">The item's key: two items of one key are never indexed at once, and the later one goes second.</param>
    /// <param name="threads">Worker threads.</param>
    public IndexingWorkers(Action<T> index, Func<T, string> key, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _index = index;
        _key = key;
        _threads = threads;
    }

    /// <summary>True while items queued since the last <see cref="DrainAsync"/> may still be waiting or running.</summary>
    public bool Running => _queue is not null;

    /// <summary>True when an item of <paramref name="key"/> waits or runs.</summary>
    public bool Holds(string key) => _queued.ContainsKey(key);

    /// <summary>Queues an item, waiting while the queue is full; a worker's failure is thrown here or by the next drain.</summary>
    public async Task AddAsync(T item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = _key(item);
        if (!_queued.TryAdd(key, 0))
        {
            await DrainAsync().ConfigureAwait(false);
            _queued.TryAdd(key, 0);
        }
        var queue = Start();
        try
        {
            queue.Add(item, _failed!.Token);
        }
        catch (OperationCanceledException) when (_failed!.IsCancellationRequested)
        {
            // A worker failed: the drain throws its exception.
            await DrainAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until every queued item is indexed and stops the threads; throws the first failure of a worker.</summary>
    public async Task DrainAsync()
    {
        if (_queue is not { } queue) return;
        queue.CompleteAdding();
        // The workers catch their own failures, so this never throws.
        await Task.WhenAll(_workers).ConfigureAwait(false);
        queue.Dispose();
        _failed!.Dispose();
        (_queue, _failed, _workers) = (null, null, []);
        _queued.Clear();
        if (_failure is { } failure)
        {
            _failure = null;
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private BlockingCollection<T> Start()
    {
        if (_queue is { } running) return running;
        var queue = new BlockingCollection<T>(new ConcurrentQueue<T>(), Capacity);
        var failed = new CancellationTokenSource();
        (_queue, _failed) = (queue, failed);
        // Threads of their own: a worker may flush a segment for seconds, and the pool's threads are the producer's.
        _workers = [.. Enumerable.Range(0, _threads).Select(_ => Task.Factory.StartNew(() => Work(queue, failed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
        return queue;
    }

    private void Work(BlockingCollection<T> queue, CancellationTokenSource failed)
    {
        try
        {
            foreach (var item in queue.GetConsumingEnumerable(failed.Token))
            {
                try
                {
                    _index(item);
                }
                finally
                {
                    _queued.TryRemove(_key(item), out _);
                }
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
            // Another worker failed; its exception is the one reported.
        }
#pragma warning disable CA1031 // Kept and thrown to the producer by DrainAsync, with its stack.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Interlocked.CompareExchange(ref _failure, exception, null);
            failed.Cancel();
        }
    }
}
