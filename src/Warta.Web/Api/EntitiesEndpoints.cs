using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Core.Stories;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary><c>/api/v1/entities</c>: entities across stories as <c>warta entities --json</c>, one as <c>warta entity --json</c> (by id, or by name or alias).</summary>
internal static class EntitiesEndpoints
{
    public static RouteGroupBuilder MapEntities(this RouteGroupBuilder api)
    {
        api.MapGet("/entities", ListAsync).WithName("ListEntities").WithSummary("Entities, most mentioned first: ?limit&offset");
        api.MapGet("/entities/{id}", GetAsync).WithName("GetEntity").WithSummary("One entity (by id, or name or alias) with its stories");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ReadStorePool stores, EntityListCache cache, string? limit, string? offset, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryPage(limit, offset, out var take, out var skip, out var problem)) return problem!;
        using var lease = stores.Rent();
        var store = lease.Store;
        if (await ApiResults.NotModifiedAsync(http, store, cancellationToken).ConfigureAwait(false) is { } notModified) return notModified;
        var entities = await cache.GetAsync(store, cancellationToken).ConfigureAwait(false);
        http.Response.Headers["X-Total-Count"] = entities.Count.ToString(CultureInfo.InvariantCulture);
        return ApiResults.Body(http, ReadJson.Serialize([.. entities.Skip(skip).Take(take).Select(EntityJson.From)]));
    }

    private static async Task<IResult> GetAsync(HttpContext http, ReadStorePool stores, EntityListCache cache, string id, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        if (await ApiResults.NotModifiedAsync(http, store, cancellationToken).ConfigureAwait(false) is { } notModified) return notModified;
        var all = await cache.GetAsync(store, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<EntityInStories> found = [.. all.Where(e => string.Equals(e.Entity.EntityId, id, StringComparison.Ordinal))];
        if (found.Count == 0) found = StoryQueries.FindEntity(all, id);
        return found.Count == 0
            ? ApiResults.NotFound($"no entity '{id}'")
            : ApiResults.Body(http, ReadJson.Serialize([.. found.Select(EntityDetailJson.From)]));
    }
}
