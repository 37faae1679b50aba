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

    /// <summary>Ingests one document; each error is passed to <paramref name="onError"/> and counted, never thrown.</summary>
    public IngestSummary Ingest(RawDocument document, Action<IngestError>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        IReadOnlyList<IngestOutcome> outcomes;
        try
        {
            outcomes = _read(document);
        }
#pragma warning disable CA1031 // A reader bug must fail this document only, not abort a run over thousands of files.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            onError?.Invoke(new IngestError(document.Source, null, $"could not be read: {ex.Message}"));
            return IngestSummary.OneFailed;
        }

        var failed = 0;
        var ready = new List<Article>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            if (outcome.Article is { } article && Process(article, onError) is { } processed)
            {
                ready.Add(processed);
                continue;
            }
            if (outcome.Error is { } error) onError?.Invoke(error);
            failed++;
        }

        var added = ready.Count == 0 ? [] : _store.TryAddRange(ready);
        var fresh = added.Count(static isNew => isNew);
        return new IngestSummary(outcomes.Count, fresh, ready.Count - fresh, failed);
    }

    /// <summary>Ingests documents in the order given, reporting progress after each.</summary>
    public IngestSummary IngestAll(IEnumerable<RawDocument> documents, IProgress<IngestProgress>? progress = null, Action<IngestError>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var total = IngestSummary.Empty;
        var done = 0;
        foreach (var document in documents)
        {
            total += Ingest(document, onError);
            progress?.Report(new IngestProgress(++done, document.Source, total));
        }
        return total;
    }

    private Article? Process(Article article, Action<IngestError>? onError)
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
                onError?.Invoke(new IngestError(article.Source, null, $"stage '{stage.Name}' failed: {ex.Message}"));
                return null;
            }
        }
        return article;
    }
}
