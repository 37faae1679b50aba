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
using Warta.Text;

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
    private Channel<Submission>? _queue;
    private IWartaStore? _store;
    /// <summary>A read connection for the answers to committed submissions, opened at the first: the placer's own
    /// connection is busy with the followers' catch-up while the answers are read.</summary>
    private IWartaStore? _answers;
    private List<IChangeFollower> _followers = [];
    private StoryPlacer? _placer;
    private Task _loop = Task.CompletedTask;
    private Exception? _fault;
    /// <summary>The committed submission being read, told each document's outcomes; only touched on the placing loop.</summary>
    private CommittedSubmission? _reading;
    /// <summary>Ids the placer placed since the last flush: "new" in a committed submission's answer; only touched on the placing loop.</summary>
    private readonly HashSet<string> _placedSinceFlush = new(StringComparer.Ordinal);
    /// <summary>Whether a committed submission awaits the next flush: only then are placed ids kept (a long <c>warta ingest</c> keeps none).</summary>
    private bool _collectingPlaced;

    /// <summary>Most committed submissions taken before one flush; bounds a POST's wait under a steady stream of others.</summary>
    public const int MaxGroupSubmissions = 256;

    /// <summary>Told once, instead of the log, when another writer holds the lock at start, with what the service waits for.</summary>
    /// <remarks>Set before the host starts; the CLI prints it as a line of its own.</remarks>
    public Action<string>? OnWaiting { get; set; }

    /// <summary>The largest document the reader takes; callers check a file's size before reading it into memory.</summary>
    public long MaxInputBytes => _ingestor.MaxInputBytes;

    /// <summary>What the placer did, once the service has stopped; null before.</summary>
    public PlacerStats? Stats { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null) throw new InvalidOperationException("the placement service is already running");
        var settings = options.Value;
        // Started before the store opens: nothing until the first placement needs stemming (see LoadingAnalyzer).
        var analyzer = textAnalysis.LoadingAnalyzer();
        // Opened (checked, migrated) before the host goes on, so every reader finds the schema it needs.
        var store = storeOpener.Open(TimeSpan.FromSeconds(settings.LockTimeoutSeconds));
        var queue = Channel.CreateBounded<Submission>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        if (!settings.OpenInBackground)
        {
            var pipeline = await OpenPlacerAsync(store, analyzer, settings, cancellationToken).ConfigureAwait(false);
            _queue = queue;
            _loop = Task.Run(() => RunAsync(queue.Reader, pipeline), CancellationToken.None);
            return;
        }
        // The placer's open (the checkpoint restored, the placements after it run again, the followers caught up) can take
        // minutes on a large store, all of it when the checkpoint is of another build; reads do not need it, so the host goes
        // on serving them, and what is submitted meanwhile waits in the queue for the placer.
        _queue = queue;
        _loop = Task.Run(async () =>
        {
            IngestPipeline pipeline;
            try
            {
                pipeline = await OpenPlacerAsync(store, analyzer, settings, _abandon.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The open's failure (another writer kept the lock, a damaged checkpoint) belongs to every submitter.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fail(ex);
                await foreach (var submission in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false)) Refuse(submission);
                return;
            }
            await RunAsync(queue.Reader, pipeline).ConfigureAwait(false);
        }, CancellationToken.None);
    }

    /// <summary>Whether the placer is open and taking submissions (false while it opens in the background, and after a failure).</summary>
    public bool IsPlacing => _placer is not null && _fault is null;

    /// <summary>Whether the placer failed (to open, or later): submissions are refused.</summary>
    public bool HasFailed => _fault is not null;

    /// <summary>Opens the placer on <paramref name="store"/> with its followers; the store is disposed when this fails.</summary>
    private async Task<IngestPipeline> OpenPlacerAsync(IWartaStore store, ITextAnalyzer analyzer, PlacementOptions settings, CancellationToken cancellationToken)
    {
        var followers = new List<IChangeFollower>();
        StoryPlacer placer;
        try
        {
            foreach (var source in followerSources)
            {
                if (source.Open(store, storeOpener.Location) is { } follower) followers.Add(follower);
            }
            var onWaiting = OnWaiting ?? (message => LogWaiting(logger, message));
            var placerOptions = settings.ToStoryPlacerOptions() with { Followers = followers, Outlets = _ingestor.Outlets };
            placer = await StoryPlacer.OpenAsync(store, analyzer, placerOptions, onWaiting, cancellationToken).ConfigureAwait(false);
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
        placer.OnPlaced = (article, _) =>
        {
            if (_collectingPlaced) _placedSinceFlush.Add(article.Id);
        };
        _placer = placer;
        LogStarted(logger, storeOpener.DisplayLocation, placer.Stats.Restored, placer.Stats.Replayed);
        return new IngestPipeline(Read, placer, [new AnnotationStage(tagger)]);
    }

    public async Task<IngestSummary> SubmitAsync(
        IReadOnlyList<RawDocument> documents,
        IProgress<IngestProgress>? progress = null,
        Action<IngestError>? onError = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var queue = _queue ?? throw new InvalidOperationException("the placement service is not running");
        var submission = new Submission(documents, progress, onError, cancellationToken);
        await EnqueueAsync(queue, submission, cancellationToken).ConfigureAwait(false);
        return await submission.Done.Task.ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<IngestedDocument>> SubmitCommittedAsync(IReadOnlyList<RawDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var queue = _queue ?? throw new InvalidOperationException("the placement service is not running");
        var committed = new CommittedSubmission(documents);
        // Once taken, a submission is committed even if its caller goes away: the caller's token only withdraws it from the queue.
        var submission = new Submission(documents, null, committed.Errors.Add, CancellationToken.None) { Committed = committed };
        await EnqueueAsync(queue, submission, cancellationToken).ConfigureAwait(false);
        return await committed.Done.Task.ConfigureAwait(false);
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
    private async Task<StoryCorrection> CorrectAsync(Func<StoryCorrectionPlanner, Task<StoryCorrection>> plan, CancellationToken cancellationToken)
    {
        var queue = _queue ?? throw new InvalidOperationException("the placement service is not running");
        var done = new TaskCompletionSource<StoryCorrection>(TaskCreationOptions.RunContinuationsAsynchronously);
        var submission = new Submission([], null, null, cancellationToken)
        {
            Correction = done,
            Correct = async (placer, token) =>
            {
                await placer.CommitPlacedAsync(token).ConfigureAwait(false);
                var store = _store!;
                var correction = await plan(new StoryCorrectionPlanner(store, store)).ConfigureAwait(false);
                return await placer.CorrectAsync(correction, token).ConfigureAwait(false);
            },
        };
        await EnqueueAsync(queue, submission, cancellationToken).ConfigureAwait(false);
        return await done.Task.ConfigureAwait(false);
    }

    private static async Task EnqueueAsync(Channel<Submission> queue, Submission submission, CancellationToken cancellationToken)
    {
        try
        {
            await queue.Writer.WriteAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new InvalidOperationException("the placement service has stopped", ex);
        }
    }

    /// <summary>The pipeline's reader: the ingestor's, telling the committed submission being read what each document held.</summary>
    private IReadOnlyList<IngestOutcome> Read(RawDocument document)
    {
        var outcomes = _ingestor.Read(document);
        _reading?.Read.Add((document, outcomes));
        return outcomes;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is null) return;
        _queue.Writer.TryComplete();
        // The shutdown timeout only cancels submissions not started yet (and a placer still opening): what the placer took is committed regardless.
        await using (cancellationToken.Register(_abandon.Cancel).ConfigureAwait(false))
        {
            await _loop.ConfigureAwait(false);
        }
        if (_placer is null)
        {
            // It never opened (a failure, or stopped while opening in the background): nothing was taken.
            await ReleaseAsync().ConfigureAwait(false);
            return;
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
            _answers?.Dispose();
            _answers = null;
        }
    }

    private async Task RunAsync(ChannelReader<Submission> reader, IngestPipeline pipeline)
    {
        // Committed submissions taken since the last flush; flushed together when no submission is waiting (group commit).
        var group = new List<CommittedSubmission>();
        await foreach (var submission in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await RunOneAsync(submission, pipeline, group).ConfigureAwait(false);
            if (group.Count > 0 && (group.Count >= MaxGroupSubmissions || !reader.TryPeek(out _)))
            {
                await FlushAsync(group).ConfigureAwait(false);
                group.Clear();
            }
        }
        if (group.Count > 0) await FlushAsync(group).ConfigureAwait(false);
    }

    /// <summary>Fails <paramref name="submission"/> with the placer's failure.</summary>
    private void Refuse(Submission submission)
    {
        var ex = new InvalidOperationException($"placement failed earlier: {_fault!.Message}", _fault);
        if (submission.Correction is { } k) k.TrySetException(ex);
        else if (submission.Committed is { } c) c.Done.TrySetException(ex);
        else submission.Done.TrySetException(ex);
    }

    private async Task RunOneAsync(Submission submission, IngestPipeline pipeline, List<CommittedSubmission> group)
    {
        Action<Exception> done = submission switch
        {
            { Correction: { } k } => ex => k.TrySetException(ex),
            { Committed: { } c } => ex => c.Done.TrySetException(ex),
            _ => ex => submission.Done.TrySetException(ex),
        };
        if (_fault is not null)
        {
            done(new InvalidOperationException($"placement failed earlier: {_fault.Message}", _fault));
            return;
        }
        var token = submission.CancellationToken;
        if (token.IsCancellationRequested || _abandon.IsCancellationRequested)
        {
            var cancelled = token.IsCancellationRequested ? token : _abandon.Token;
            if (submission.Correction is { } correction) correction.TrySetCanceled(cancelled);
            else if (submission.Committed is { } committed) committed.Done.TrySetCanceled(cancelled);
            else submission.Done.TrySetCanceled(cancelled);
            return;
        }
        if (submission.Correct is { } correct)
        {
            await RunCorrectionAsync(submission, correct, group, done).ConfigureAwait(false);
            return;
        }
        try
        {
            _reading = submission.Committed;
            _collectingPlaced |= submission.Committed is not null;
            var summary = await pipeline.IngestAllAsync(submission.Documents, submission.Progress, submission.OnError, token).ConfigureAwait(false);
            if (submission.Committed is { } committed) group.Add(committed);
            else submission.Done.TrySetResult(summary);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            submission.Done.TrySetCanceled(token);
        }
#pragma warning disable CA1031 // Reader and stage errors are counted inside the pipeline; what reaches here is the placer's or the store's, and it belongs to the submitter.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex);
            done(ex);
        }
        finally
        {
            _reading = null;
        }
    }

    /// <summary>Runs an editor's correction after answering the committed submissions taken before it; a refusal leaves the placer running.</summary>
    private async Task RunCorrectionAsync(Submission submission, Func<StoryPlacer, CancellationToken, Task<StoryCorrection>> correct, List<CommittedSubmission> group, Action<Exception> done)
    {
        if (group.Count > 0)
        {
            await FlushAsync(group).ConfigureAwait(false);
            group.Clear();
        }
        var token = submission.CancellationToken;
        try
        {
            submission.Correction!.TrySetResult(await correct(_placer!, token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            submission.Correction!.TrySetCanceled(token);
        }
        catch (StoryCorrectionException ex)
        {
            // Refused before anything changed: the placer goes on.
            done(ex);
        }
#pragma warning disable CA1031 // The placer's or the store's failure belongs to the submitter, and stops later work as any placement failure does.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex);
            done(ex);
        }
    }

    /// <summary>Places and commits what the placer holds, then answers each committed submission with its articles' stories.</summary>
    private async Task FlushAsync(List<CommittedSubmission> group)
    {
        try
        {
            if (_fault is not null) throw new InvalidOperationException($"placement failed earlier: {_fault.Message}", _fault);
            // Answered once the commit is stored: the followers (search index, story views, alerts) catch up after it, on the
            // placer's connection, and the next commit waits for them. A POST waited for them too, and under a steady stream
            // of POSTs that was most of its time.
            await _placer!.FlushStoredAsync(CancellationToken.None).ConfigureAwait(false);
            var store = _answers ??= storeOpener.OpenForReading();
            var merges = await store.ListMergesAsync(CancellationToken.None).ConfigureAwait(false);
            var absorbedInto = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var merge in merges) absorbedInto[merge.FromStoryId] = merge.IntoStoryId;
            foreach (var submission in group)
            {
                var documents = new List<IngestedDocument>(submission.Read.Count);
                foreach (var (document, outcomes) in submission.Read)
                {
                    var articles = new List<IngestedArticle>();
                    foreach (var article in outcomes.Select(static o => o.Article).OfType<Article>())
                    {
                        // An article whose stage failed is in the outcomes but was never stored: its error says why.
                        if (await store.GetAssignmentAsync(article.Id, CancellationToken.None).ConfigureAwait(false) is not { } assignment) continue;
                        var story = assignment.StoryId;
                        for (var hops = 0; hops < absorbedInto.Count && absorbedInto.TryGetValue(story, out var into); hops++) story = into;
                        // The first of this flush's submissions to name a placed article stored it; any other saw a duplicate.
                        articles.Add(new IngestedArticle(article.Id, story, _placedSinceFlush.Remove(article.Id)));
                    }
                    var errors = submission.Errors.Where(e => e.Source == document.Source || e.Source.StartsWith(document.Source + "#", StringComparison.Ordinal)).ToList();
                    documents.Add(new IngestedDocument(document.Source, articles, errors));
                }
                // A document that failed to be read at all has no outcomes; its error is still told.
                foreach (var unread in submission.Documents.Where(d => !submission.Read.Any(r => ReferenceEquals(r.Document, d))))
                {
                    documents.Add(new IngestedDocument(unread.Source, [], [.. submission.Errors.Where(e => e.Source == unread.Source)]));
                }
                submission.Done.TrySetResult(documents);
            }
        }
#pragma warning disable CA1031 // The placer's or the store's failure belongs to every submitter waiting on this flush.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex);
            foreach (var submission in group) submission.Done.TrySetException(ex);
        }
        finally
        {
            _placedSinceFlush.Clear();
            _collectingPlaced = false;
        }
    }

    private void Fail(Exception ex)
    {
        if (_fault is not null) return;
        _fault = ex;
        LogFailed(logger, ex);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogWaiting(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "placing into '{Store}' (checkpoint restored: {Restored}, placements re-run: {Replayed})")]
    private static partial void LogStarted(ILogger logger, string store, bool restored, int replayed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "placement stopped: {Placed} placed in {Commits} commits")]
    private static partial void LogStopped(ILogger logger, int placed, int commits);

    [LoggerMessage(Level = LogLevel.Error, Message = "placement failed; later submissions are refused")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    /// <summary>One submitter's documents and callbacks, and the task its caller awaits.</summary>
    private sealed record Submission(
        IReadOnlyList<RawDocument> Documents, IProgress<IngestProgress>? Progress, Action<IngestError>? OnError, CancellationToken CancellationToken)
    {
        // Continuations run off the placing loop, so a submitter's code never holds up the next submission.
        public TaskCompletionSource<IngestSummary> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set for <see cref="SubmitCommittedAsync"/>: answered after the flush that commits it, not when taken.</summary>
        public CommittedSubmission? Committed { get; init; }

        /// <summary>Set for an editor's correction: run on the placing loop instead of reading documents.</summary>
        public Func<StoryPlacer, CancellationToken, Task<StoryCorrection>>? Correct { get; init; }

        /// <summary>What the caller of a correction awaits.</summary>
        public TaskCompletionSource<StoryCorrection>? Correction { get; init; }
    }

    /// <summary>A submission answered after its commit: what each document held when read, its errors, and the task its caller awaits.</summary>
    private sealed class CommittedSubmission(IReadOnlyList<RawDocument> documents)
    {
        public IReadOnlyList<RawDocument> Documents { get; } = documents;

        public List<(RawDocument Document, IReadOnlyList<IngestOutcome> Outcomes)> Read { get; } = [];

        public List<IngestError> Errors { get; } = [];

        public TaskCompletionSource<IReadOnlyList<IngestedDocument>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
