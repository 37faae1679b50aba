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
        services.AddSingleton<TextAnalysisServices>();
        services.AddSingleton(static _ => EntityTagger.Shipped);
        return services;
    }
}
