using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Messaging;
using Warta.Core.Model;
using Warta.Core.Pipeline;

namespace Warta.Hosting;

/// <summary><c>warta worker annotate</c> as a hosted service: takes documents from the work queue a window at a time, reads and annotates them, publishes their articles for the placer, then acknowledges.</summary>
/// <remarks>
/// <para>The annotation half of <see cref="IngestPipeline"/>, unchanged, with the work queue where the placer would be:
/// a window of documents is read in order and its articles annotated on every core. A document is acknowledged only
/// after its articles are confirmed by the broker, so a worker killed at any point loses nothing: its unacknowledged
/// documents are delivered to another worker, and the articles it already published arrive twice and are skipped by the
/// placer (ids are content hashes).</para>
/// <para>A document with a read or stage error goes to the dead-letter queue with the errors (its good articles are
/// published still); a message that is not a document at all is dead-lettered by the consumer.</para>
/// <para>A document delivered again (a worker died holding it) is annotated in a window of its own and acknowledged before
/// the next: if it is the one that killed the worker, the next crash hands back only it (and what the prefetch took
/// after it), and the broker's delivery limit (<see cref="WorkerOptions.DeliveryLimit"/>) sets it aside after that many
/// crashes while the documents around it are placed.</para>
/// </remarks>
public sealed partial class AnnotationWorker(
    WorkQueueOpener queueOpener,
    EntityTagger tagger,
    IOptions<WorkerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<AnnotationWorker> logger) : BackgroundService
{
    private int _documents;
    private int _published;
    /// <summary>Documents dead-lettered for their errors (the consumer counts the malformed messages it dead-lettered).</summary>
    private int _failedDocuments;
    private IWorkConsumer<RawDocument>? _consumer;

    /// <summary>The fault tests' stand-in for a document that crashes the process: when this environment variable is set, a
    /// document whose source contains its value kills the worker (SIGKILL) as it is taken up, as a crash in a parser would.</summary>
    public const string KillOnSourceVariable = "WARTA_FAULT_KILL_ON_SOURCE";

    private static readonly string? KillOnSource = Environment.GetEnvironmentVariable(KillOnSourceVariable) is { Length: > 0 } marker ? marker : null;

    /// <summary>Documents settled (acknowledged or dead-lettered) so far.</summary>
    public int Documents => Volatile.Read(ref _documents);

    /// <summary>Articles published to the placer so far (a redelivered document's count again).</summary>
    public int Published => Volatile.Read(ref _published);

    /// <summary>Documents and malformed messages moved to the dead-letter queue so far.</summary>
    public int DeadLettered => Volatile.Read(ref _failedDocuments) + (_consumer?.Malformed ?? 0);

    /// <summary>Why the worker stopped on its own, if it failed (the broker went away); null otherwise.</summary>
    public Exception? Fault { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Recorded for the command's exit code and logged; the host stops, the broker redelivers what was not acknowledged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fault = ex;
            LogFailed(logger, ex);
            lifetime.StopApplication();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await using var queue = await queueOpener.OpenAsync("warta worker annotate", stoppingToken).ConfigureAwait(false);
        var ingestor = new ArticleIngestor();
        var pipeline = new IngestPipeline(ingestor.Read, async (articles, token) =>
        {
            await queue.PublishArticlesAsync(articles, token).ConfigureAwait(false);
            Interlocked.Add(ref _published, articles.Count);
            return Array.ConvertAll(articles.ToArray(), static _ => true);
        }, [new AnnotationStage(tagger)]);
        // Two windows: the next is on its way while this one is annotated.
        await using var consumer = await queue.ConsumeDocumentsAsync(IngestPipeline.WindowSize * 2, stoppingToken).ConfigureAwait(false);
        _consumer = consumer;
        LogStarted(logger, queue.Location);
        var idleSince = DateTime.UtcNow;
        var window = new List<WorkDelivery<RawDocument>>(IngestPipeline.WindowSize);
        WorkDelivery<RawDocument>? held = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var first = held ?? await consumer.ReceiveAsync(TimeSpan.FromMilliseconds(500), stoppingToken).ConfigureAwait(false);
            held = null;
            if (first is null)
            {
                if (settings.StopWhenIdleSeconds > 0 && (DateTime.UtcNow - idleSince).TotalSeconds >= settings.StopWhenIdleSeconds)
                {
                    LogIdleStop(logger, Documents);
                    lifetime.StopApplication();
                    return;
                }
                continue;
            }
            window.Clear();
            window.Add(first);
            // A redelivered document is annotated alone, and the window ends before the next one (kept for the next round).
            while (!first.Redelivered && held is null && window.Count < IngestPipeline.WindowSize
                && await consumer.ReceiveAsync(TimeSpan.Zero, stoppingToken).ConfigureAwait(false) is { } next)
            {
                if (next.Redelivered) held = next;
                else window.Add(next);
            }
            // Settled whole even when asked to stop: the window's articles are published, so its acknowledgements must follow.
            await AnnotateAsync(pipeline, consumer, window, CancellationToken.None).ConfigureAwait(false);
            idleSince = DateTime.UtcNow;
        }
    }

    private async Task AnnotateAsync(IngestPipeline pipeline, IWorkConsumer<RawDocument> consumer, List<WorkDelivery<RawDocument>> window, CancellationToken cancellationToken)
    {
        if (KillOnSource is { } marker && window.Exists(d => d.Message.Source.Contains(marker, StringComparison.Ordinal)))
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            self.Kill();
        }
        var errors = new List<IngestError>[window.Count];
        for (var i = 0; i < errors.Length; i++) errors[i] = [];
        var done = 0;
        // A document's errors are told before its progress (see IngestPipeline.IngestAllAsync), so they belong to the document after the last one reported.
        await pipeline.IngestAllAsync(
            window.Select(static d => d.Message), new Reported(() => done++), error => errors[done].Add(error), cancellationToken).ConfigureAwait(false);
        WorkDelivery<RawDocument>? lastGood = null;
        for (var i = 0; i < window.Count; i++)
        {
            if (errors[i].Count == 0)
            {
                lastGood = window[i];
                continue;
            }
            var error = string.Join("; ", errors[i].Select(static e => e.ToString()));
            LogDeadLettered(logger, window[i].Message.Source, error);
            await consumer.DeadLetterAsync(window[i], error, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _failedDocuments);
        }
        // One acknowledgement for the window: every earlier delivery not dead-lettered is settled by it.
        if (lastGood is not null) await consumer.AcknowledgeAsync(lastGood, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _documents, window.Count);
    }

    /// <summary>Runs an action on each progress report, synchronously on the pipeline's thread.</summary>
    private sealed class Reported(Action onReport) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => onReport();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "annotating documents from '{Queue}'")]
    private static partial void LogStarted(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "idle: stopping after {Documents} documents")]
    private static partial void LogIdleStop(ILogger logger, int documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "dead-lettered '{Source}': {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string source, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "annotation worker failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
