using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Pipeline;

/// <summary>The one place that knows the order of stages: read a raw document, run the article stages, store.</summary>
/// <remarks>
/// Each document's articles are stored in one atomic batch after all its records went through the stages, so a
/// document that fails leaves the store as it was, and a killed process loses at most the document in flight.
/// Re-running over the same inputs is safe: articles already stored count as duplicates.
/// </remarks>
public sealed class IngestPipeline
{
    private readonly Func<RawDocument, IReadOnlyList<IngestOutcome>> _read;
    private readonly IArticleStore _store;
    private readonly IReadOnlyList<IArticleStage> _stages;

    /// <param name="read">Turns a raw document into one outcome per record (normally <see cref="ArticleIngestor.Read"/>).</param>
    /// <param name="store">Where new articles go.</param>
    /// <param name="stages">Post-read stages, applied in this order.</param>
    public IngestPipeline(Func<RawDocument, IReadOnlyList<IngestOutcome>> read, IArticleStore store, IEnumerable<IArticleStage> stages)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stages);
        _read = read;
        _store = store;
        _stages = [.. stages];
    }

    public IngestPipeline(ArticleIngestor ingestor, IArticleStore store, params IEnumerable<IArticleStage> stages)
        : this((ingestor ?? throw new ArgumentNullException(nameof(ingestor))).Read, store, stages)
    {
    }

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

    /// <summary>Ingests documents in the order given, reporting progress after each.</summary>
    /// <remarks>Documents are read one after another (a reader may learn from earlier documents, e.g. which domain an
    /// outlet's name stands for), their articles go through the stages in parallel, and each document is stored, its
    /// errors reported and progress told in input order, so the outcome is the same as one document at a time.</remarks>
    public IngestSummary IngestAll(IEnumerable<RawDocument> documents, IProgress<IngestProgress>? progress = null, Action<IngestError>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var total = IngestSummary.Empty;
        var done = 0;
        foreach (var window in documents.Chunk(WindowSize))
        {
            var read = new ReadDocument[window.Length];
            for (var i = 0; i < window.Length; i++) read[i] = Read(window[i]);
            RunStages(read);
            for (var i = 0; i < window.Length; i++)
            {
                total += Commit(read[i], onError);
                progress?.Report(new IngestProgress(++done, window[i].Source, total));
            }
        }
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

    private IngestSummary Commit(ReadDocument document, Action<IngestError>? onError)
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

        var added = ready.Count == 0 ? [] : _store.TryAddRange(ready);
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
