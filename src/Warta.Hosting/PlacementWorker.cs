using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Messaging;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Messaging.RabbitMq;

namespace Warta.Hosting;

/// <summary><c>warta worker place</c> as a hosted service: the one active placer of a scaled-out pipeline, taking annotated articles from the work queue into the store.</summary>
/// <remarks>
/// <para>It opens the store and its <see cref="StoryPlacer"/> (taking the store's write lock) before it consumes, so a
/// second placer waits at the lock, and the articles queue's single active consumer keeps the order of delivery one.
/// Articles go through the placer's reorder window as in the embedded run; nothing is acknowledged until it is committed:
/// after <see cref="WorkerOptions.FlushArticles"/> articles, or when none arrived for <see cref="WorkerOptions.IdleFlushMs"/>,
/// the placer flushes (places everything it holds and commits) and one acknowledgement settles every article taken.</para>
/// <para>Redelivery is harmless: a placer killed between its commit and its acknowledgement gets the same articles again
/// and skips them as placed (ids are content hashes), as it skips the second copy an annotator published before dying.</para>
/// <para>When the store fails, the worker starts over in process, as a restarted process would: it closes its consumer
/// (everything taken and not acknowledged goes back to the queue), lets the placer and its write lock go, and opens the
/// store and the placer again from the checkpoint. A store that went away (a restart, a network cut: any failure but
/// <see cref="StoreFailure.Other"/>) is tried again with a growing pause for up to <see cref="WorkerOptions.ReconnectSeconds"/>.
/// Any other failure of a flush is blamed on the articles it held: from then on each of them is committed on its own, so
/// the others are placed, and one that failed <see cref="WorkerOptions.MaxPlacementAttempts"/> flushes goes to the
/// dead-letter queue with its error at its next delivery instead of stopping the pipeline for good.</para>
/// </remarks>
public sealed partial class PlacementWorker(
    StoreOpener storeOpener,
    WorkQueueOpener queueOpener,
    TextAnalysisServices textAnalysis,
    IOptions<PlacementOptions> placementOptions,
    IOptions<WorkerOptions> options,
    IEnumerable<IChangeFollowerSource> followerSources,
    IHostApplicationLifetime lifetime,
    ILogger<PlacementWorker> logger) : BackgroundService
{
    /// <summary>Articles handed to the placer at once when more are waiting (its duplicate lookup is one query per call).</summary>
    private const int SubmitChunk = 256;

    /// <summary>The first pause before opening a store that went away again; it doubles up to <see cref="MaxRetryDelayMs"/>.</summary>
    private const int FirstRetryDelayMs = 200;

    private const int MaxRetryDelayMs = 3000;

    /// <summary>Articles whose flush failed for a reason of its own: how many flushes, and the last error.</summary>
    private readonly Dictionary<string, (int Failures, string Error)> _failed = new(StringComparer.Ordinal);

    /// <summary>Ids handed to the placer since its last successful flush: what a failed flush is blamed on.</summary>
    private readonly List<string> _held = [];

    private int _taken;
    private int _acknowledged;
    private int _flushes;
    private int _deadLettered;
    private int _restarts;
    private StoryPlacer? _placer;
    private WorkDelivery<Article>? _lastTaken;
    private int _unacknowledged;
    private bool _waitingForLock;

    /// <summary>Articles taken from the queue so far (redeliveries and duplicates included).</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>Articles acknowledged so far: committed (or skipped as placed) and settled.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Flushes so far (each a commit and one acknowledgement).</summary>
    public int Flushes => Volatile.Read(ref _flushes);

    /// <summary>Articles set aside in the dead-letter queue after failing <see cref="WorkerOptions.MaxPlacementAttempts"/> flushes.</summary>
    public int DeadLettered => Volatile.Read(ref _deadLettered);

    /// <summary>Times the worker opened the store and the placer again after a failure.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>What the placer did so far (since it was last opened); null before it opened.</summary>
    public PlacerStats? Stats => _placer?.Stats;

    /// <summary>Why the worker stopped on its own, if it failed (broker or store gone); null otherwise.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Told once, instead of the log, when another writer holds the store's lock, with what the worker waits for.</summary>
    public Action<string>? OnWaiting { get; set; }

    /// <summary>Whether the worker last found the store's write lock held by another writer (a standby waiting for it); false again once it has it.</summary>
    public bool WaitingForLock => Volatile.Read(ref _waitingForLock);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Recorded for the command's exit code and logged; the host stops, the broker redelivers what was not acknowledged.
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Fault = ex;
            LogFailed(logger, ex);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException)
        {
            // Stopping while waiting for the lock or the broker: nothing was taken.
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await using var queue = await queueOpener.OpenAsync("warta worker place", stoppingToken).ConfigureAwait(false);
        var analyzer = textAnalysis.LoadingAnalyzer();
        DateTime? outageSince = null;
        var delayMs = FirstRetryDelayMs;
        while (true)
        {
            try
            {
                await PlaceFromStoreAsync(queue, analyzer, settings, () => (outageSince, delayMs) = (null, FirstRetryDelayMs), stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && IsOutage(ex))
            {
                outageSince ??= DateTime.UtcNow;
                if ((DateTime.UtcNow - outageSince.Value).TotalSeconds + (delayMs / 1000.0) > settings.ReconnectSeconds) throw;
                LogStoreOutage(logger, ex.Message, delayMs);
                await Task.Delay(delayMs, stoppingToken).ConfigureAwait(false);
                delayMs = Math.Min(delayMs * 2, MaxRetryDelayMs);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && _held.Count > 0
                && ex is not (OperationCanceledException or WorkQueueUnavailableException or StoreBusyException))
            {
                var error = ex.Message;
                foreach (var id in _held) _failed[id] = (_failed.GetValueOrDefault(id).Failures + 1, error);
                LogFlushFailed(logger, _held.Count, error);
            }
            Interlocked.Increment(ref _restarts);
        }
    }

    /// <summary>Whether <paramref name="exception"/> says the store went away or cannot write for now (worth waiting for), not that something held was wrong.</summary>
    private static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StoreFailureException failure) return failure.Failure != StoreFailure.Other;
            if (e is System.Data.Common.DbException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException) return true;
        }
        return false;
    }

    /// <summary>One life of the placer: the store, the placer (write lock, checkpoint) and the consumer opened, articles placed until stopped or failed.</summary>
    private async Task PlaceFromStoreAsync(IWorkQueue queue, Text.ITextAnalyzer analyzer, WorkerOptions settings, Action onOpened, CancellationToken stoppingToken)
    {
        var placement = placementOptions.Value;
        _held.Clear();
        _lastTaken = null;
        _unacknowledged = 0;
        using var store = storeOpener.Open(TimeSpan.FromSeconds(placement.LockTimeoutSeconds));
        var followers = new List<IChangeFollower>();
        try
        {
            foreach (var source in followerSources)
            {
                if (source.Open(store, storeOpener.Location) is { } follower) followers.Add(follower);
            }
            var tell = OnWaiting ?? (message => LogWaiting(logger, message));
            var placer = await StoryPlacer.OpenAsync(
                store, analyzer, placement.ToStoryPlacerOptions() with { Followers = followers }, message =>
                {
                    Volatile.Write(ref _waitingForLock, true);
                    tell(message);
                }, stoppingToken).ConfigureAwait(false);
            Volatile.Write(ref _waitingForLock, false);
            _placer = placer;
            IWorkConsumer<Article>? consumer = null;
            var completed = false;
            try
            {
                consumer = await queue.ConsumeArticlesAsync(settings.FlushArticles + SubmitChunk, stoppingToken).ConfigureAwait(false);
                onOpened();
                LogStarted(logger, queue.Location, storeOpener.DisplayLocation);
                try
                {
                    await PlaceAsync(placer, consumer, settings, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                }
                // Stopping: what the broker delivered is taken (a delivery left in the consumer's buffer would go back to the
                // queue unacknowledged, though acknowledging a later one would have settled it), committed and acknowledged,
                // then a checkpoint saved.
                await DrainAsync(placer, consumer).ConfigureAwait(false);
                await FlushAsync(placer, consumer, CancellationToken.None).ConfigureAwait(false);
                await placer.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
                completed = true;
                LogStopped(logger, placer.Stats.Placed, Acknowledged);
            }
            finally
            {
                // The consumer closes first: everything taken and not acknowledged goes back to the queue before the lock is let go.
                if (consumer is not null) await consumer.DisposeAsync().ConfigureAwait(false);
                await ReleaseAsync(placer, completed).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var follower in followers) follower.Dispose();
        }
    }

    /// <summary>Lets the placer and its lock go; after a failure, a commit in flight that failed too is not reported twice.</summary>
    private async Task ReleaseAsync(StoryPlacer placer, bool completed)
    {
        if (completed)
        {
            await placer.DisposeAsync().ConfigureAwait(false);
            return;
        }
        try
        {
            await placer.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The failure that ended this life of the placer is already on its way up; this is its echo.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(logger, ex.Message);
        }
    }

    private async Task PlaceAsync(StoryPlacer placer, IWorkConsumer<Article> consumer, WorkerOptions settings, CancellationToken stoppingToken)
    {
        var idleFlush = TimeSpan.FromMilliseconds(settings.IdleFlushMs);
        var idleSince = DateTime.UtcNow;
        var chunk = new List<WorkDelivery<Article>>(SubmitChunk);
        var plain = new List<WorkDelivery<Article>>(SubmitChunk);
        while (!stoppingToken.IsCancellationRequested)
        {
            var first = await consumer.ReceiveAsync(idleFlush, stoppingToken).ConfigureAwait(false);
            if (first is null)
            {
                if (_unacknowledged > 0)
                {
                    await FlushAsync(placer, consumer, CancellationToken.None).ConfigureAwait(false);
                    idleSince = DateTime.UtcNow;
                }
                else if (settings.StopWhenIdleSeconds > 0 && (DateTime.UtcNow - idleSince).TotalSeconds >= settings.StopWhenIdleSeconds)
                {
                    LogIdleStop(logger, Acknowledged);
                    lifetime.StopApplication();
                    return;
                }
                continue;
            }
            chunk.Clear();
            chunk.Add(first);
            while (chunk.Count < SubmitChunk && await consumer.ReceiveAsync(TimeSpan.Zero, stoppingToken).ConfigureAwait(false) is { } next) chunk.Add(next);
            // Taken whole: once the placer has them, only a flush may follow, so no stop token past this point.
            plain.Clear();
            foreach (var delivery in chunk)
            {
                if (!_failed.TryGetValue(delivery.Message.Id, out var failed))
                {
                    plain.Add(delivery);
                    continue;
                }
                if (failed.Failures >= settings.MaxPlacementAttempts)
                {
                    var error = $"placing it failed {failed.Failures} times: {failed.Error}";
                    LogDeadLettered(logger, delivery.Message.Id, delivery.Message.Source, error);
                    await consumer.DeadLetterAsync(delivery, error, CancellationToken.None).ConfigureAwait(false);
                    _failed.Remove(delivery.Message.Id);
                    Interlocked.Increment(ref _deadLettered);
                    continue;
                }
                // A suspect of a failed flush: what came before it is committed first, then it alone, so a failure is its own.
                await SubmitAsync(placer, plain).ConfigureAwait(false);
                plain.Clear();
                await FlushAsync(placer, consumer, CancellationToken.None).ConfigureAwait(false);
                await SubmitAsync(placer, [delivery]).ConfigureAwait(false);
                await FlushAsync(placer, consumer, CancellationToken.None).ConfigureAwait(false);
                _failed.Remove(delivery.Message.Id);
            }
            await SubmitAsync(placer, plain).ConfigureAwait(false);
            if (_unacknowledged >= settings.FlushArticles) await FlushAsync(placer, consumer, CancellationToken.None).ConfigureAwait(false);
            idleSince = DateTime.UtcNow;
        }
    }

    /// <summary>Takes every delivery already in the consumer's buffer into the placer (a stop does not wait for more).</summary>
    /// <remarks>Redeliveries after a reconnect (and an annotator's second copy) can arrive after the last new article; left
    /// in the buffer at a stop they went back to the queue: 11 articles once the broker restarted mid-stream.</remarks>
    private async Task DrainAsync(StoryPlacer placer, IWorkConsumer<Article> consumer)
    {
        var drained = new List<WorkDelivery<Article>>();
        try
        {
            // A suspect of a failed flush is committed on its own at its next delivery: it and what follows stay unacknowledged.
            while (await consumer.ReceiveAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false) is { } next && !_failed.ContainsKey(next.Message.Id))
            {
                drained.Add(next);
            }
        }
        catch (WorkQueueUnavailableException)
        {
            // The broker is gone: what is in the buffer is void and comes again.
        }
        await SubmitAsync(placer, drained).ConfigureAwait(false);
    }

    private async Task SubmitAsync(StoryPlacer placer, List<WorkDelivery<Article>> deliveries)
    {
        if (deliveries.Count == 0) return;
        _held.AddRange(deliveries.Select(static d => d.Message.Id));
        await placer.SubmitAsync([.. deliveries.Select(static d => d.Message)], CancellationToken.None).ConfigureAwait(false);
        _lastTaken = deliveries[^1];
        _unacknowledged += deliveries.Count;
        Interlocked.Add(ref _taken, deliveries.Count);
    }

    /// <summary>Commits everything the placer holds, then settles every article taken with one acknowledgement.</summary>
    private async Task FlushAsync(StoryPlacer placer, IWorkConsumer<Article> consumer, CancellationToken cancellationToken)
    {
        if (_lastTaken is null) return;
        await placer.FlushAsync(cancellationToken).ConfigureAwait(false);
        _held.Clear();
        await consumer.AcknowledgeAsync(_lastTaken, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _acknowledged, _unacknowledged);
        Interlocked.Increment(ref _flushes);
        _unacknowledged = 0;
        _lastTaken = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogWaiting(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "placing articles from '{Queue}' into '{Store}'")]
    private static partial void LogStarted(ILogger logger, string queue, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "idle: stopping after {Acknowledged} articles")]
    private static partial void LogIdleStop(ILogger logger, int acknowledged);

    [LoggerMessage(Level = LogLevel.Information, Message = "placement worker stopped: {Placed} placed, {Acknowledged} acknowledged")]
    private static partial void LogStopped(ILogger logger, int placed, int acknowledged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the store is not available ({Reason}); nothing taken was acknowledged, opening it again in {DelayMs} ms")]
    private static partial void LogStoreOutage(ILogger logger, string reason, int delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "a flush of {Held} articles failed ({Reason}); nothing taken was acknowledged, each of them is committed on its own from now on")]
    private static partial void LogFlushFailed(ILogger logger, int held, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "letting the failed placer go: {Reason}")]
    private static partial void LogReleaseFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "dead-lettered article {Id} ('{Source}'): {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string id, string source, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "placement worker failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
