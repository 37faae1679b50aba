using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Warta.Core.Entities;

namespace Warta.Hosting;

/// <summary><c>AddWarta()</c>: the services every Warta process (CLI, server) shares, bound from one configuration.</summary>
public static class WartaServiceCollectionExtensions
{
    public static IServiceCollection AddWarta(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WartaOptions>().Bind(configuration).Validate(
            static o => !string.IsNullOrWhiteSpace(o.Store), "the store location (--db, WARTA_STORE or \"store\" in warta.json) is empty");
        services.AddSingleton<StoreOpener>();
        services.AddSingleton<StoreMaintenance>();
        services.AddSingleton<TextAnalysisServices>();
        services.AddSingleton(static _ => EntityTagger.Shipped);
        // What the store's writer keeps in step with it; opened only by a writer (the placement service, article delete).
        services.AddWartaSearch();
        services.AddWartaStoryViews();
        services.AddWartaAlerts(configuration);
        services.AddWartaWorkQueue(configuration);
        return services;
    }

    /// <summary>Adds the <see cref="PlacementService"/> (the one writer, started and stopped with the host) and its <see cref="IIngestService"/> and <see cref="IStoryCorrections"/>, with <see cref="PlacementOptions"/> from the <c>Placer</c> section.</summary>
    public static IServiceCollection AddWartaPlacement(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PlacementOptions>().Bind(configuration.GetSection(PlacementOptions.Section)).Validate(
            static o => o.IsValid,
            "placer settings out of range (Placer:BatchArticles, BatchMs, CheckpointEveryArticles, CheckpointEverySeconds and QueueCapacity must be positive, LockTimeoutSeconds, ReorderWindow and FollowEveryArticles not negative)");
        services.AddSingleton<PlacementService>();
        services.AddSingleton<IIngestService>(static sp => sp.GetRequiredService<PlacementService>());
        services.AddSingleton<IStoryCorrections>(static sp => sp.GetRequiredService<PlacementService>());
        services.AddHostedService(static sp => sp.GetRequiredService<PlacementService>());
        return services;
    }
}
