using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Pipeline;

/// <summary>Stores batches of placed articles on a background thread, in the order given, one transaction each.</summary>
/// <remarks>
/// Lets a stream's analysis and clustering go on with the next batch while the previous one is written: on two cores
/// the SQLite writes of the uci-news stream cost about as much as analysing and clustering it. At most
/// <c>pendingBatches</c> wait, so memory stays bounded and a slow store slows the stream down instead of queueing it
/// up. Each batch is stored with <see cref="IStoryStore.SavePlaced"/>, so a killed process loses only batches not yet
/// committed and never leaves an article without its story. After a failed write nothing more is written and the
/// failure is rethrown by the next <see cref="Write"/> or by <see cref="Complete"/>. The store must not be used by
/// anyone else until <see cref="Complete"/> returns.
/// </remarks>
public sealed class PlacementWriter : IDisposable
{
    private readonly IStoryStore _store;
    private readonly BlockingCollection<Batch> _queue;
    private readonly CancellationTokenSource _failed = new();
    private readonly Thread _thread;
    private volatile ExceptionDispatchInfo? _failure;

    public PlacementWriter(IStoryStore store, int pendingBatches = 2)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(pendingBatches, 1);
        _store = store;
        _queue = new BlockingCollection<Batch>(pendingBatches);
        _thread = new Thread(Run) { IsBackground = true, Name = "warta placement writer" };
        _thread.Start();
    }

    /// <summary>Queues one batch; blocks while <c>pendingBatches</c> are waiting. The lists must not change afterwards.</summary>
    public void Write(IReadOnlyList<Article> articles, IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(merges);
        _failure?.Throw();
        try
        {
            _queue.Add(new Batch(articles, assignments, stories, merges), _failed.Token);
        }
        catch (OperationCanceledException)
        {
            _failure?.Throw();
            throw;
        }
    }

    /// <summary>Waits until every queued batch is stored; rethrows a failed write.</summary>
    public void Complete()
    {
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _thread.Join();
        _failure?.Throw();
    }

    /// <summary>Stores what is queued and stops; unlike <see cref="Complete"/> it does not rethrow a failure.</summary>
    public void Dispose()
    {
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
        _failed.Dispose();
    }

    private void Run()
    {
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable())
            {
                _store.SavePlaced(batch.Articles, batch.Assignments, batch.Stories, batch.Merges);
            }
        }
#pragma warning disable CA1031 // The failure is handed to the producing thread, which rethrows it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
            _failed.Cancel();
        }
    }

    private sealed record Batch(
        IReadOnlyList<Article> Articles, IReadOnlyList<StoryAssignment> Assignments, IReadOnlyList<Story> Stories, IReadOnlyList<StoryMerge> Merges);
}
