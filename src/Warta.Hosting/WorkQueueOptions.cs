using Warta.Messaging.RabbitMq;

namespace Warta.Hosting;

/// <summary>Where the scale-out work queue is, bound from the configuration's root like the store: <c>--queue</c>, <c>WARTA_QUEUE</c>, <c>"queue"</c> in <c>warta.json</c>.</summary>
/// <remarks>No queue configured is the embedded mode: <c>warta ingest</c> places in its own process. With one, <c>warta
/// ingest</c> publishes documents and <c>warta worker annotate</c> and <c>warta worker place</c> do the rest.</remarks>
public sealed class WorkQueueOptions
{
    /// <summary>The broker, <c>amqp://user:password@host:port/vhost</c>; null or empty: no work queue.</summary>
    public string? Queue { get; set; }

    /// <summary>The queue names' prefix (<c>{prefix}.documents</c>, <c>.articles</c>, <c>.dead</c>), so pipelines can share a broker.</summary>
    public string QueuePrefix { get; set; } = RabbitMqWorkQueue.DefaultPrefix;
}
