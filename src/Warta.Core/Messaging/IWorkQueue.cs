using System.Diagnostics.CodeAnalysis;
using Warta.Core.Ingestion;
using Warta.Core.Model;

namespace Warta.Core.Messaging;

/// <summary>The work queue of a scaled-out pipeline: raw documents go to any number of annotators, annotated articles to the one active placer.</summary>
/// <remarks>
/// A publish returns once the broker has taken responsibility for every message (publisher confirms), so a caller may
/// forget what it published. A consumer acknowledges a message only after what it did with it is safe (published on,
/// or committed to the store); a message not acknowledged when its consumer goes away is delivered again, so every
/// handler must be idempotent (article ids are content hashes, and the placer skips ids already placed). A message that
/// cannot be read, or that fails for a reason retrying will not fix, goes to the dead-letter queue with its error.
/// </remarks>
[SuppressMessage("Naming", "CA1711", Justification = "It is a message queue; the name says what an operator sees in RabbitMQ.")]
public interface IWorkQueue : IAsyncDisposable
{
    /// <summary>Where the queue lives, as messages show it (no password).</summary>
    string Location { get; }

    /// <summary>Publishes documents for annotation, durably, and waits for the broker's confirms.</summary>
    Task PublishDocumentsAsync(IReadOnlyList<RawDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Publishes annotated articles for placement, durably, and waits for the broker's confirms.</summary>
    Task PublishArticlesAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default);

    /// <summary>Starts taking documents, at most <paramref name="prefetch"/> unacknowledged at a time.</summary>
    Task<IWorkConsumer<RawDocument>> ConsumeDocumentsAsync(int prefetch, CancellationToken cancellationToken = default);

    /// <summary>Starts taking annotated articles, at most <paramref name="prefetch"/> unacknowledged at a time; only one consumer of them is active at once, the others stand by.</summary>
    Task<IWorkConsumer<Article>> ConsumeArticlesAsync(int prefetch, CancellationToken cancellationToken = default);

    /// <summary>Messages waiting in each queue and the consumers attached.</summary>
    Task<WorkQueueDepths> GetDepthsAsync(CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> dead letters with their errors, oldest first, left in the queue.</summary>
    Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync(int max, CancellationToken cancellationToken = default);
}
