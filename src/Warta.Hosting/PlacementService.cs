using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Core.Stories.Corrections;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>The process's one writer as a hosted service: owns the <see cref="IngestPipeline"/> ending in the store's <see cref="StoryPlacer"/>, fed through a bounded queue.</summary>
/// <remarks>
/// <para>Starting the host opens the configured store and its placer, which takes the store's write lock (waiting up to
/// <see cref="PlacementOptions.LockTimeoutSeconds"/>, then failing the start with <see cref="Warta.Core.Storage.StoreBusyException"/>).
/// Submissions are run one after another, in the order they were queued, on one background loop: reading and the placer
/// are sequential by design, annotation runs in parallel inside the pipeline.</para>
/// <para>Stopping the host closes the queue, runs every submission already queued, completes the placer (so everything
/// taken is committed, with a checkpoint) and releases the lock before <see cref="StopAsync"/> returns. When the host's
/// shutdown timeout fires first, submissions not yet started are cancelled; the ones taken are still committed.</para>
/// </remarks>
public sealed partial class PlacementService(
    StoreOpener storeOpener,
    TextAnalysisServices textAnalysis,
    EntityTagger tagger,
    IOptions<PlacementOptions> options,
    IEnumerable<IChangeFollowerSource> followerSources,
    ILogger<PlacementService> logger) : IIngestService, IStoryCorrections, IHostedService, IDisposable
{
    private readonly ArticleIngestor _ingestor = new();
    private readonly CancellationTokenSource _abandon = new();
    private Channel<Work>? _queue;
    private SqliteStore? _store;
    private List<IChangeFollower> _followers = [];
    private StoryPlacer? _placer;
    private Task _loop = Task.CompletedTask;
    private Exception? _fault;

    /// <summary>Told once, instead of the log, when another writer holds the lock at start, with what the service waits for.</summary>
    /// <remarks>Set before the host starts; the CLI prints it as a line of its own.</remarks>
    public Action<string>? OnWaiting { get; set; }

    /// <summary>The largest document the reader takes; callers check a file's size before reading it into memory.</summary>
    public long MaxInputBytes => _ingestor.MaxInputBytes;

    /// <summary>What the placer did, once the service has stopped; null before.</summary>
    public PlacerStats? Stats { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_placer is not null) throw new InvalidOperationException("the placement service is already running");
        var settings = options.Value;
        var store = storeOpener.Open(TimeSpan.FromSeconds(settings.LockTimeoutSeconds));
        var followers = new List<IChangeFollower>();
        try
        {
            foreach (var source in followerSources) followers.Add(source.Open(store, storeOpener.Location));
            var onWaiting = OnWaiting ?? (message => LogWaiting(logger, message));
            var placerOptions = settings.ToStoryPlacerOptions() with { Followers = followers, Outlets = _ingestor.Outlets };
            _placer = await StoryPlacer.OpenAsync(store, textAnalysis.Analyzer, placerOptions, onWaiting, cancellationToken).ConfigureAwait(false);
            // Read under the write lock, so the pairings of the last writer are in; new ones go into the store with the placer's commits.
            _ingestor.Outlets.Load(store.ReadOutletPairings());
        }
        catch
        {
            foreach (var follower in followers) follower.Dispose();
            store.Dispose();
            throw;
        }
        _followers = followers;
        _store = store;
        var pipeline = new IngestPipeline(_ingestor.Read, _placer, [new AnnotationStage(tagger)]);
        _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _loop = Task.Run(() => RunAsync(_queue.Reader, pipeline), CancellationToken.None);
        LogStarted(logger, storeOpener.Location, _placer.Stats.Restored, _placer.Stats.Replayed);
    }

    public async Task<IngestSummary> SubmitAsync(
        IReadOnlyList<RawDocument> documents,
        IProgress<IngestProgress>? progress = null,
        Action<IngestError>? onError = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return await QueueAsync(
            (pipeline, _, token) => pipeline.IngestAllAsync(documents, progress, onError, token), cancellationToken).ConfigureAwait(false);
    }

    public Task<StoryCorrection> MergeAsync(string fromStory, string intoStory, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fromStory);
        ArgumentNullException.ThrowIfNull(intoStory);
        return CorrectAsync(planner => planner.MergeAsync(fromStory, intoStory, by, TimeProvider.System.GetUtcNow(), cancellationToken), cancellationToken);
    }

    public Task<StoryCorrection> SplitAsync(string story, IReadOnlyList<string> articles, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(articles);
        return CorrectAsync(planner => planner.SplitAsync(story, articles, by, TimeProvider.System.GetUtcNow(), cancellationToken), cancellationToken);
    }

    public Task<StoryCorrection> MoveAsync(string article, string story, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(story);
        return CorrectAsync(planner => planner.MoveAsync(article, story, by, TimeProvider.System.GetUtcNow(), cancellationToken), cancellationToken);
    }

    /// <summary>Plans a correction on the store as committed (after the placer's open batch) and applies it, on the placing loop.</summary>
    private Task<StoryCorrection> CorrectAsync(Func<StoryCorrectionPlanner, Task<StoryCorrection>> plan, CancellationToken cancellationToken) =>
        QueueAsync(async (_, placer, token) =>
        {
            await placer.CommitPlacedAsync(token).ConfigureAwait(false);
            var store = _store!;
            var correction = await plan(new StoryCorrectionPlanner(store, store)).ConfigureAwait(false);
            return await placer.CorrectAsync(correction, token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Runs <paramref name="run"/> on the placing loop after the work queued before it; its result or exception goes to the caller.</summary>
    private async Task<T> QueueAsync<T>(Func<IngestPipeline, StoryPlacer, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        var queue = _queue ?? throw new InvalidOperationException("the placement service is not running");
        var work = new Work<T>(run, cancellationToken);
        try
        {
            await queue.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new InvalidOperationException("the placement service has stopped", ex);
        }
        return await work.Done.Task.ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is null || _placer is null) return;
        _queue.Writer.TryComplete();
        // The shutdown timeout only cancels submissions not started yet: what the placer took is committed regardless.
        await using (cancellationToken.Register(_abandon.Cancel).ConfigureAwait(false))
        {
            await _loop.ConfigureAwait(false);
        }
        try
        {
            // After a placer failure its state is unknown; releasing the lock without committing keeps the store as the last commit left it.
            if (_fault is null) await _placer.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
            Stats = _placer.Stats;
            LogStopped(logger, Stats.Placed, Stats.Commits);
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Releases the lock and the store without committing, when the host is disposed without being stopped.</summary>
    public void Dispose()
    {
        ReleaseAsync().AsTask().GetAwaiter().GetResult();
        _abandon.Dispose();
    }

    private async ValueTask ReleaseAsync()
    {
        _queue?.Writer.TryComplete();
        var placer = _placer;
        _placer = null;
        try
        {
            if (placer is not null) await placer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            foreach (var follower in _followers) follower.Dispose();
            _followers = [];
            _store?.Dispose();
            _store = null;
        }
    }

    private async Task RunAsync(ChannelReader<Work> reader, IngestPipeline pipeline)
    {
        await foreach (var work in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_fault is not null)
            {
                work.Fail(new InvalidOperationException($"placement failed earlier: {_fault.Message}", _fault));
                continue;
            }
            var token = work.CancellationToken;
            if (token.IsCancellationRequested || _abandon.IsCancellationRequested)
            {
                work.Cancel(token.IsCancellationRequested ? token : _abandon.Token);
                continue;
            }
            try
            {
                await work.RunAsync(pipeline, _placer!).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                work.Cancel(token);
            }
            catch (StoryCorrectionException ex)
            {
                // Refused before anything changed: the placer goes on.
                work.Fail(ex);
            }
#pragma warning disable CA1031 // Reader and stage errors are counted inside the pipeline; what reaches here is the placer's or the store's, and it belongs to the submitter.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _fault = ex;
                LogFailed(logger, ex);
                work.Fail(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogWaiting(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "placing into '{Store}' (checkpoint restored: {Restored}, placements re-run: {Replayed})")]
    private static partial void LogStarted(ILogger logger, string store, bool restored, int replayed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "placement stopped: {Placed} placed in {Commits} commits")]
    private static partial void LogStopped(ILogger logger, int placed, int commits);

    [LoggerMessage(Level = LogLevel.Error, Message = "placement failed; later submissions are refused")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    /// <summary>One submitter's work for the placing loop (documents to ingest, a correction) and the task its caller awaits.</summary>
    private abstract class Work(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public abstract Task RunAsync(IngestPipeline pipeline, StoryPlacer placer);

        public abstract void Fail(Exception exception);

        public abstract void Cancel(CancellationToken token);
    }

    private sealed class Work<T>(Func<IngestPipeline, StoryPlacer, CancellationToken, Task<T>> run, CancellationToken cancellationToken) : Work(cancellationToken)
    {
        // Continuations run off the placing loop, so a submitter's code never holds up the next submission.
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task RunAsync(IngestPipeline pipeline, StoryPlacer placer) =>
            Done.TrySetResult(await run(pipeline, placer, CancellationToken).ConfigureAwait(false));

        public override void Fail(Exception exception) => Done.TrySetException(exception);

        public override void Cancel(CancellationToken token) => Done.TrySetCanceled(token);
    }
}
