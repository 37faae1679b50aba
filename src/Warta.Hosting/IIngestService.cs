using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;

namespace Warta.Hosting;

/// <summary>Where documents go to be read, annotated and placed in stories by the process's one writer (<see cref="PlacementService"/>).</summary>
public interface IIngestService
{
    /// <summary>Queues <paramref name="documents"/> (waiting while the queue is full) and returns their counts once the placer has taken them.</summary>
    /// <remarks>Documents are placed in submission order. Taken is not yet committed: the placer commits in batches, and
    /// everything taken is committed at the latest when the host stops.</remarks>
    /// <param name="documents">Raw documents, in input order.</param>
    /// <param name="progress">Told after each document, on the placing thread.</param>
    /// <param name="onError">Told each failed record, on the placing thread, in input order.</param>
    /// <param name="cancellationToken">Withdraws the submission while it waits, or stops it between documents.</param>
    /// <exception cref="InvalidOperationException">The service is not running.</exception>
    Task<IngestSummary> SubmitAsync(
        IReadOnlyList<RawDocument> documents,
        IProgress<IngestProgress>? progress = null,
        Action<IngestError>? onError = null,
        CancellationToken cancellationToken = default);

    /// <summary>Queues <paramref name="documents"/> like <see cref="SubmitAsync"/>, and completes only once their articles are committed, with each document's articles, stories and errors.</summary>
    /// <remarks>Concurrent submissions share commits (group commit): the writer takes every submission waiting, then
    /// places what its reorder window holds and commits once for all of them. So an acknowledged submission is stored.</remarks>
    /// <param name="documents">Raw documents, in input order.</param>
    /// <param name="cancellationToken">Withdraws the submission while it waits in the queue; once taken, it is committed.</param>
    /// <exception cref="InvalidOperationException">The service is not running, or placement failed.</exception>
    Task<IReadOnlyList<IngestedDocument>> SubmitCommittedAsync(IReadOnlyList<RawDocument> documents, CancellationToken cancellationToken = default);
}
