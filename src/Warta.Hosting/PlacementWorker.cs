using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Messaging;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;

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

    private int _taken;
    private int _acknowledged;
    private int _flushes;
    private StoryPlacer? _placer;

    /// <summary>Articles taken from the queue so far (redeliveries and duplicates included).</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>Articles acknowledged so far: committed (or skipped as placed) and settled.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Flushes so far (each a commit and one acknowledgement).</summary>
    public int Flushes => Volatile.Read(ref _flushes);

    /// <summary>What the placer did so far; null before it opened.</summary>
    public PlacerStats? Stats => _placer?.Stats;

    /// <summary>Why the worker stopped on its own, if it failed (broker or store gone); null otherwise.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Told once, instead of the log, when another writer holds the store's lock, with what the worker waits for.</summary>
    public Action<string>? OnWaiting { get; set; }

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
        var placement = placementOptions.Value;
        await using var queue = await queueOpener.OpenAsync("warta worker place", stoppingToken).ConfigureAwait(false);
        var analyzer = textAnalysis.LoadingAnalyzer();
        using var store = storeOpener.Open(TimeSpan.FromSeconds(placement.LockTimeoutSeconds));
        var followers = new List<IChangeFollower>();
        try
        {
            foreach (var source in followerSources)
            {
                if (source.Open(store, storeOpener.Location) is { } follower) followers.Add(follower);
            }
            var onWaiting = OnWaiting ?? (message => LogWaiting(logger, message));
            await using var placer = await StoryPlacer.OpenAsync(
                store, analyzer, placement.ToStoryPlacerOptions() with { Followers = followers }, onWaiting, stoppingToken).ConfigureAwait(false);
            _placer = placer;
            await using var consumer = await queue.ConsumeArticlesAsync(settings.FlushArticles + SubmitChunk, stoppingToken).ConfigureAwait(false);
            LogStarted(logger, queue.Location, storeOpener.DisplayLocation);
            try
            {
                await PlaceAsync(placer, consumer, settings, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            // Stopping: what was taken is committed and acknowledged, then a checkpoint saved.
            await FlushAsync(placer, consumer, CancellationToken.None).ConfigureAwait(false);
            await placer.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
            LogStopped(logger, placer.Stats.Placed, Acknowledged);
        }
        finally
        {
            foreach (var follower in followers) follower.Dispose();
        }
    }

    private WorkDelivery<Article>? _lastTaken;
    private int _unacknowledged;

    private async Task PlaceAsync(StoryPlacer placer, IWorkConsumer<Article> consumer, WorkerOptions settings, CancellationToken stoppingToken)
    {
        var idleFlush = TimeSpan.FromMilliseconds(settings.IdleFlushMs);
        var idleSince = DateTime.UtcNow;
        var chunk = new List<WorkDelivery<Article>>(SubmitChunk);
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
            await placer.SubmitAsync([.. chunk.Select(static d => d.Message)], CancellationToken.None).ConfigureAwait(false);
            _lastTaken = chunk[^1];
            _unacknowledged += chunk.Count;
            Interlocked.Add(ref _taken, chunk.Count);
            if (_unacknowledged >= settings.FlushArticles) await FlushAsync(placer, consumer, CancellationToken.None).ConfigureAwait(false);
            idleSince = DateTime.UtcNow;
        }
    }

    /// <summary>Commits everything the placer holds, then settles every article taken with one acknowledgement.</summary>
    private async Task FlushAsync(StoryPlacer placer, IWorkConsumer<Article> consumer, CancellationToken cancellationToken)
    {
        if (_lastTaken is null) return;
        await placer.FlushAsync(cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "placement worker failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
