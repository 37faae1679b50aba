using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary><c>/api/v1/articles</c>: the listing as <c>warta articles --json</c>, one article as <c>warta article --json</c>, and ingest (<c>POST</c>).</summary>
internal static class ArticlesEndpoints
{
    public static RouteGroupBuilder MapArticles(this RouteGroupBuilder api)
    {
        api.MapGet("/articles", ListAsync).WithName("ListArticles").WithSummary("Articles, oldest first: ?limit&offset");
        api.MapGet("/articles/{id}", GetAsync).WithName("GetArticle").WithSummary("One article with metadata, provenance, paragraphs and annotations");
        api.MapPost("/articles", IngestEndpoint.PostAsync).WithName("PostArticles")
            .WithSummary("Ingest a JSON record, a JSON array of records, or a page (text/html, text/plain; ?source=NAME); answered after the commit")
            .RequireAuthorization(ApiPolicies.Write);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ReadStorePool stores, string? limit, string? offset, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryPage(limit, offset, out var take, out var skip, out var problem)) return problem!;
        using var lease = stores.Rent();
        var store = lease.Store;
        if (await ApiResults.NotModifiedAsync(http, store, cancellationToken).ConfigureAwait(false) is { } notModified) return notModified;
        var page = await store.ListArticlesAsync(new PageRequest(skip, take), cancellationToken).ConfigureAwait(false);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        return ApiResults.Body(http, ReadJson.Serialize([.. page.Items.Select(ArticleSummaryJson.From)]));
    }

    private static async Task<IResult> GetAsync(HttpContext http, ReadStorePool stores, string id, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        if (await ApiResults.NotModifiedAsync(http, store, cancellationToken).ConfigureAwait(false) is { } notModified) return notModified;
        return await store.GetArticleAsync(id, cancellationToken).ConfigureAwait(false) is { } article
            ? ApiResults.Body(http, ReadJson.Serialize(article))
            : ApiResults.NotFound($"no article '{id}'");
    }
}
