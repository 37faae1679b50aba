using Warta.Core.Pipeline;

namespace Warta.Hosting;

/// <summary>How the queue workers pace themselves, bound from the <c>Worker</c> section (<c>WARTA_WORKER__IDLEFLUSHMS</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Worker";

    /// <summary>The placer commits and acknowledges what it holds once no article arrived for this long.</summary>
    /// <remarks>Until then articles wait in the placer's reorder window: a longer wait keeps a burst in publication order
    /// across annotators that finish out of order; a shorter one acknowledges sooner.</remarks>
    public int IdleFlushMs { get; set; } = 1000;

    /// <summary>The placer commits and acknowledges after taking this many articles, idle or not (the embedded placer's reorder window).</summary>
    public int FlushArticles { get; set; } = PlacementOrder.DefaultCapacity;

    /// <summary>A worker stops by itself after this many seconds with nothing to do and nothing held; 0: never (a service).</summary>
    public double StopWhenIdleSeconds { get; set; }

    /// <summary>How long a worker tries again after the broker or the store went away (a restart, a network cut) before it gives up and exits.</summary>
    public double ReconnectSeconds { get; set; } = 60;

    /// <summary>Failed commits an article may be part of before the placer sets it aside in the dead-letter queue (at its next delivery).</summary>
    /// <remarks>After the first failure each article of the failed flush is committed on its own, so only the one that fails
    /// every time reaches this count; the others are placed.</remarks>
    public int MaxPlacementAttempts { get; set; } = 3;

    /// <summary>How often the broker hands a message back unsettled (its worker died holding it) before it dead-letters it (<c>x-delivery-limit</c> of the work queues this process creates).</summary>
    /// <remarks>Counted by the broker across processes, so a document or article that crashes its worker every time is set
    /// aside after this many crashes. Applies when the queues are first declared; existing queues keep theirs.</remarks>
    public int DeliveryLimit { get; set; } = Messaging.RabbitMq.RabbitMqWorkQueue.DefaultDeliveryLimit;

    internal bool IsValid => DeliveryLimit > 0 && IdleFlushMs > 0 && FlushArticles > 0 && FlushArticles <= ushort.MaxValue - 1024 && StopWhenIdleSeconds >= 0
        && ReconnectSeconds >= 0 && MaxPlacementAttempts > 0;
}
