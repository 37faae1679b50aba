using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Warta.Hosting;

/// <summary>The scale-out services: the work queue's opener, and the annotation and placement workers as hosted services.</summary>
public static class WorkQueueServiceCollectionExtensions
{
    /// <summary>Adds <see cref="WorkQueueOpener"/> with <see cref="WorkQueueOptions"/> from the configuration's root (part of <c>AddWarta()</c>).</summary>
    public static IServiceCollection AddWartaWorkQueue(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkQueueOptions>().Bind(configuration).Validate(
            static o => !string.IsNullOrWhiteSpace(o.QueuePrefix), "the work queue prefix (QueuePrefix) is empty");
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section)).Validate(
            static o => o.IsValid, "worker settings out of range (Worker:IdleFlushMs, FlushArticles, MaxPlacementAttempts and DeliveryLimit must be positive, FlushArticles at most 64511, StopWhenIdleSeconds and ReconnectSeconds not negative)");
        services.AddSingleton<WorkQueueOpener>();
        return services;
    }

    /// <summary>Adds the <see cref="AnnotationWorker"/>: documents from the queue, read and annotated, published on as articles.</summary>
    public static IServiceCollection AddWartaAnnotationWorker(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<AnnotationWorker>();
        services.AddHostedService(static sp => sp.GetRequiredService<AnnotationWorker>());
        return services;
    }

    /// <summary>Adds the <see cref="PlacementWorker"/>: annotated articles from the queue, placed and committed to the store; with <see cref="PlacementOptions"/> from the <c>Placer</c> section.</summary>
    public static IServiceCollection AddWartaPlacementWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PlacementOptions>().Bind(configuration.GetSection(PlacementOptions.Section)).Validate(
            static o => o.IsValid,
            "placer settings out of range (Placer:BatchArticles, BatchMs, CheckpointEveryArticles, CheckpointEverySeconds and QueueCapacity must be positive, LockTimeoutSeconds not negative)");
        services.AddSingleton<PlacementWorker>();
        services.AddHostedService(static sp => sp.GetRequiredService<PlacementWorker>());
        return services;
    }
}
