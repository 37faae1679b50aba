using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Pipeline;

/// <summary>The one place that knows the order of stages: read a raw document (or take articles), run the article stages in parallel, hand them to the placer.</summary>
/// <remarks>
/// <c>warta ingest</c>, <c>warta bench stream</c> and <c>warta eval clustering</c> all run this class with a
/// <see cref="StoryPlacer"/> at its end: reading and annotation are stateless and parallel, placement is the one
/// stateful writer. Each document's articles reach the placer together, in input order, after all its records went
/// through the stages; the placer stores them with their stories when their batch commits. Re-running over the same
/// inputs is safe: articles already placed count as duplicates. Given an <see cref="IArticleStore"/> instead of a placer,
/// each document's articles are stored in one batch without placement (for tests and the ingest benchmark).
/// </remarks>
public sealed class IngestPipeline
{
    private readonly Func<RawDocument, IReadOnlyList<IngestOutcome>> _read;
    private readonly Func<IReadOnlyList<Article>, CancellationToken, Task<IReadOnlyList<bool>>> _accept;
    private readonly IReadOnlyList<IArticleStage> _stages;

    /// <param name="read">Turns a raw document into one outcome per record (normally <see cref="ArticleIngestor.Read"/>).</param>
    /// <param name="placer">Places and stores the articles.</param>
    /// <param name="stages">Post-read stages, applied in this order.</param>
    public IngestPipeline(Func<RawDocument, IReadOnlyList<IngestOutcome>> read, StoryPlacer placer, IEnumerable<IArticleStage> stages)
        : this(read, (placer ?? throw new ArgumentNullException(nameof(placer))).SubmitAsync, stages)
    {
    }

    /// <param name="read">Turns a raw document into one outcome per record.</param>
    /// <param name="store">Where new articles go, unplaced.</param>
    /// <param name="stages">Post-read stages, applied in this order.</param>
    public IngestPipeline(Func<RawDocument, IReadOnlyList<IngestOutcome>> read, IArticleStore store, IEnumerable<IArticleStage> stages)
        : this(read, (articles, _) => Task.FromResult((store ?? throw new ArgumentNullException(nameof(store))).TryAddRange(articles)), stages)
    {
    }

    public IngestPipeline(ArticleIngestor ingestor, IArticleStore store, params IEnumerable<IArticleStage> stages)
        : this((ingestor ?? throw new ArgumentNullException(nameof(ingestor))).Read, store, stages)
    {
    }

    /// <param name="read">Turns a raw document into one outcome per record.</param>
    /// <param name="accept">Takes each document's staged articles, in input order, and says per article whether it is new
    /// (an annotation worker publishes them to the work queue here).</param>
    /// <param name="stages">Post-read stages, applied in this order.</param>
    public IngestPipeline(
        Func<RawDocument, IReadOnlyList<IngestOutcome>> read, Func<IReadOnlyList<Article>, CancellationToken, Task<IReadOnlyList<bool>>> accept, IEnumerable<IArticleStage> stages)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(stages);
        _read = read;
        _accept = accept;
        _stages = [.. stages];
    }

    /// <summary>Articles that go through the stages together when articles (not documents) are given.</summary>
    public const int ArticleWindowSize = 64;

    public IReadOnlyList<IArticleStage> Stages => _stages;

    /// <summary>Documents read ahead so their articles go through the stages together; bounds the memory held to this many inputs.</summary>
    public const int WindowSize = 8;

    /// <summary>Articles that go through the stages at the same time (annotation is pure and per article, so it spreads over cores).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Ingests one document; each error is passed to <paramref name="onError"/> and counted, never thrown.</summary>
    public IngestSummary Ingest(RawDocument document, Action<IngestError>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return IngestAll([document], null, onError);
    }

    /// <summary>As <see cref="IngestAllAsync"/>, for callers that are not asynchronous.</summary>
    public IngestSummary IngestAll(IEnumerable<RawDocument> documents, IProgress<IngestProgress>? progress = null, Action<IngestError>? onError = null) =>
        IngestAllAsync(documents, progress, onError).GetAwaiter().GetResult();

    /// <summary>Ingests documents in the order given, reporting progress after each.</summary>
    /// <remarks>Documents are read one after another (a reader may learn from earlier documents, e.g. which domain an
    /// outlet's name stands for), their articles go through the stages in parallel, and each document is handed on, its
    /// errors reported and progress told in input order, so the outcome is the same as one document at a time.</remarks>
    public async Task<IngestSummary> IngestAllAsync(
        IEnumerable<RawDocument> documents, IProgress<IngestProgress>? progress = null, Action<IngestError>? onError = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var total = IngestSummary.Empty;
        var done = 0;
        (RawDocument[] Window, ReadDocument[] Read)? pending = null;
        foreach (var window in documents.Chunk(WindowSize))
        {
            var read = new ReadDocument[window.Length];
            for (var i = 0; i < window.Length; i++) read[i] = Read(window[i]);
            // This window goes through the stages while the previous one is handed on: placement is one thread, and
            // annotation would otherwise leave the other cores idle while it runs.
            var staging = StartStages(read);
            try
            {
                if (pending is { } previous)
                {
                    for (var i = 0; i < previous.Window.Length; i++)
                    {
                        total += await CommitAsync(previous.Read[i], onError, cancellationToken).ConfigureAwait(false);
                        progress?.Report(new IngestProgress(++done, previous.Window[i].Source, total));
                    }
                }
            }
            finally
            {
                await staging.ConfigureAwait(false);
            }
            pending = (window, read);
        }
        if (pending is { } last)
        {
            for (var i = 0; i < last.Window.Length; i++)
            {
                total += await CommitAsync(last.Read[i], onError, cancellationToken).ConfigureAwait(false);
                progress?.Report(new IngestProgress(++done, last.Window[i].Source, total));
            }
        }
        return total;
    }

    /// <summary>Runs articles already read (a replayed stream, a labeled set) through the stages and hands them on, in the order given.</summary>
    public async Task<IngestSummary> IngestArticlesAsync(IEnumerable<Article> articles, Action<IngestError>? onError = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var total = IngestSummary.Empty;
        ReadDocument? pending = null;
        foreach (var window in articles.Chunk(ArticleWindowSize))
        {
            var read = new ReadDocument([.. window.Select(IngestOutcome.Of)], null, new Article?[window.Length], new IngestError?[window.Length]);
            // As in IngestAllAsync: the stages of this window overlap the hand-on of the previous one.
            var staging = StartStages([read]);
            try
            {
                if (pending is not null) total += await CommitAsync(pending, onError, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await staging.ConfigureAwait(false);
            }
            pending = read;
        }
        if (pending is not null) total += await CommitAsync(pending, onError, cancellationToken).ConfigureAwait(false);
        return total;
    }

    private ReadDocument Read(RawDocument document)
    {
        try
        {
            var outcomes = _read(document);
            return new ReadDocument(outcomes, null, new Article?[outcomes.Count], new IngestError?[outcomes.Count]);
        }
#pragma warning disable CA1031 // A reader bug must fail this document only, not abort a run over thousands of files.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ReadDocument([], new IngestError(document.Source, null, $"could not be read: {ex.Message}"), [], []);
        }
    }

    /// <summary>Runs the stages over <paramref name="documents"/> on the thread pool, or at once when there are none (the articles pass straight on).</summary>
    private Task StartStages(ReadDocument[] documents)
    {
        if (_stages.Count > 0) return Task.Run(() => RunStages(documents));
        RunStages(documents);
        return Task.CompletedTask;
    }

    private void RunStages(ReadDocument[] documents)
    {
        var work = new List<(ReadDocument Document, int Index)>();
        foreach (var document in documents)
        {
            for (var i = 0; i < document.Outcomes.Count; i++)
            {
                if (document.Outcomes[i].Article is not null) work.Add((document, i));
            }
        }
        void Run(int k)
        {
            var (document, i) = work[k];
            (document.Processed[i], document.StageErrors[i]) = Process(document.Outcomes[i].Article!);
        }
        if (_stages.Count == 0 || work.Count < 2 || MaxParallelism < 2)
        {
            for (var k = 0; k < work.Count; k++) Run(k);
            return;
        }
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelism }, Run);
    }

    private async Task<IngestSummary> CommitAsync(ReadDocument document, Action<IngestError>? onError, CancellationToken cancellationToken)
    {
        if (document.ReadError is { } readError)
        {
            onError?.Invoke(readError);
            return IngestSummary.OneFailed;
        }
        var failed = 0;
        var ready = new List<Article>(document.Outcomes.Count);
        for (var i = 0; i < document.Outcomes.Count; i++)
        {
            if (document.Processed[i] is { } processed)
            {
                ready.Add(processed);
                continue;
            }
            if ((document.StageErrors[i] ?? document.Outcomes[i].Error) is { } error) onError?.Invoke(error);
            failed++;
        }

        var added = ready.Count == 0 ? [] : await _accept(ready, cancellationToken).ConfigureAwait(false);
        var fresh = added.Count(static isNew => isNew);
        return new IngestSummary(document.Outcomes.Count, fresh, ready.Count - fresh, failed);
    }

    private (Article? Article, IngestError? Error) Process(Article article)
    {
        foreach (var stage in _stages)
        {
            try
            {
                article = stage.Process(article);
            }
#pragma warning disable CA1031 // A stage bug must fail this record only; the message names the stage.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return (null, new IngestError(article.Source, null, $"stage '{stage.Name}' failed: {ex.Message}"));
            }
        }
        return (article, null);
    }

    /// <summary>One document between reading and storing: its outcomes and, per outcome, the staged article or the stage's error.</summary>
    private sealed record ReadDocument(IReadOnlyList<IngestOutcome> Outcomes, IngestError? ReadError, Article?[] Processed, IngestError?[] StageErrors);
}
