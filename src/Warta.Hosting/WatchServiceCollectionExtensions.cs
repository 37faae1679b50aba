using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Warta.Fetching;

namespace Warta.Hosting;

/// <summary><c>AddWartaWatch()</c>: the <see cref="FeedWatcher"/> that follows the sources file, for <c>warta watch</c> and <c>warta serve</c>.</summary>
public static class WatchServiceCollectionExtensions
{
    /// <summary>Whether <paramref name="configuration"/> names a sources file (<c>sources</c> in <c>warta.json</c>, <c>WARTA_SOURCES</c>).</summary>
    public static bool HasSources(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[nameof(WatchOptions.Sources)]);
    }

    /// <summary>Adds the <see cref="FeedWatcher"/> (needs <see cref="WartaServiceCollectionExtensions.AddWartaPlacement"/>); <paramref name="asHostedService"/> also starts it with the host.</summary>
    /// <remarks>The fetcher's options (<see cref="FetchOptions"/>) can be configured further; the sources file's user agent and host delay apply on top.</remarks>
    public static IServiceCollection AddWartaWatch(this IServiceCollection services, IConfiguration configuration, bool asHostedService)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WatchOptions>().Bind(configuration);
        services.AddOptions<FetchOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FeedWatcher>();
        // Registered after the placement service, so it starts after it and stops before it: pages in flight are committed.
        if (asHostedService) services.AddHostedService(static sp => sp.GetRequiredService<FeedWatcher>());
        return services;
    }
}
