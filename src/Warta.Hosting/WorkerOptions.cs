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

    internal bool IsValid => IdleFlushMs > 0 && FlushArticles > 0 && FlushArticles <= ushort.MaxValue - 1024 && StopWhenIdleSeconds >= 0;
}
