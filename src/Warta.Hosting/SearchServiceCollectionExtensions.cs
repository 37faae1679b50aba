using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Warta.Hosting;

/// <summary><c>AddWartaSearch()</c>: the search index kept current by the process's one writer.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>Registers the Lucene index as a change follower, so the <see cref="PlacementService"/> updates it after each commit (and catches it up when it opens).</summary>
    public static IServiceCollection AddWartaSearch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChangeFollowerSource, SearchIndexFollowerSource>());
        return services;
    }
}
