using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Warta.Hosting;

/// <summary><c>AddWartaStoryViews()</c>: keeps stored story views (brief, timeline, disagreements) up to date from the placement service's commits.</summary>
public static class StoryViewServiceCollectionExtensions
{
    public static IServiceCollection AddWartaStoryViews(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChangeFollowerSource, StoryViewFollowerSource>());
        return services;
    }
}
