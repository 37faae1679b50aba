using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace Warta.Web.Api;

/// <summary>The JSON API's registrations, one call each for <see cref="WartaWebApp"/>: services, middleware, endpoints.</summary>
public static class WartaApi
{
    /// <summary>API keys (authentication), the read and write policies, the OpenAPI document and <see cref="ApiOptions"/>.</summary>
    public static IServiceCollection AddWartaApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(static o => o.MaxBodyBytes > 0 && o.KeyCacheSeconds >= 0, "Api:MaxBodyBytes must be positive and Api:KeyCacheSeconds not negative");
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyCache>();
        services.TryAddSingleton<App.EditorCookie>();
        services.AddSingleton<ReadStorePool>();
        services.AddSingleton<StoryReadCache>();
        services.AddSingleton<EntityListCache>();
        services.AddSingleton<SearchIndexReader>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ReadAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Write, static p => p.RequireAuthenticatedUser())
            .AddPolicy(ApiPolicies.Read, static p => p.AddRequirements(new ReadAccessRequirement()));
        services.AddOpenApi();
        return services;
    }

    /// <summary>Authentication and authorization; after routing, before the endpoints.</summary>
    public static IApplicationBuilder UseWartaApi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Every endpoint under <c>/api/v1</c>, the OpenAPI document at <c>/openapi/v1.json</c> and its interactive docs at <c>/api/docs</c>.</summary>
    public static IEndpointRouteBuilder MapWartaApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/api/v1").RequireAuthorization(ApiPolicies.Read);
        api.MapStories();
        api.MapArticles();
        api.MapEntities();
        api.MapSearch();
        api.MapExports();
        api.MapCorrections();
        api.MapAlerts();
        routes.MapOpenApi();
        routes.MapScalarApiReference("/api/docs", static o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return routes;
    }
}
