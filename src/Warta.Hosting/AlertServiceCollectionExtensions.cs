using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Warta.Hosting;

/// <summary><c>AddWartaAlerts()</c>: rules evaluated after each placement commit, and what delivers them; <c>AddWartaAlertDelivery()</c>: the background delivery of a server.</summary>
public static class AlertServiceCollectionExtensions
{
    /// <summary>The alert follower (every writer records alerts), <see cref="AlertOptions"/> from the <c>Alerts</c> section, the webhook client and the deliverer.</summary>
    public static IServiceCollection AddWartaAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).Validate(
            static o => o.IsValid,
            "alert settings out of range (Alerts:MaxAttempts, FirstRetrySeconds, TimeoutSeconds and PollSeconds must be positive, MaxRetrySeconds at least FirstRetrySeconds, AllowedRanges CIDR ranges)");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AlertWebhookClient>();
        services.TryAddSingleton<AlertDeliverer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChangeFollowerSource, AlertFollowerSource>());
        return services;
    }

    /// <summary>Adds the <see cref="AlertDeliveryService"/>: due webhooks delivered while the host runs.</summary>
    public static IServiceCollection AddWartaAlertDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService<AlertDeliveryService>();
        return services;
    }
}
