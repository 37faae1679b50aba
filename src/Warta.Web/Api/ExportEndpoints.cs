using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Core.Model;
using Warta.Core.Stories;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary>Exports and feeds: a story as Atom, CSV or JSON, and a search as Atom, so a feed reader can follow a story or a query.</summary>
internal static class ExportEndpoints
{
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder api)
    {
        api.MapGet("/stories/{id}/feed.atom", StoryAtomAsync).WithName("StoryFeed").WithSummary("A story's articles as an Atom feed");
        api.MapGet("/stories/{id}/articles.csv", StoryCsvAsync).WithName("StoryCsv").WithSummary("A story's articles as CSV");
        api.MapGet("/stories/{id}/story.json", StoryJsonAsync).WithName("StoryJson").WithSummary("A story as JSON (as GET /stories/{id}), to download");
        api.MapGet("/search/feed.atom", SearchAtomAsync).WithName("SearchFeed").WithSummary("The newest articles matching ?q= as an Atom feed");
        return api;
    }

    private static async Task<IResult> StoryAtomAsync(HttpContext http, ReadStorePool stores, string id, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        if (await ApiResults.NotModifiedAsync(http, store, cancellationToken).ConfigureAwait(false) is { } notModified) return notModified;
        var found = await StoriesEndpoints.FindAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (found.Result is { } answer) return answer;
        var articles = await new StoryQueries(store, store).GetArticlesAsync(id, cancellationToken).ConfigureAwait(false) ?? [];
        var entries = articles
            .OrderByDescending(static a => a.Article.Published?.Value ?? DateTimeOffset.MinValue)
            .Select(static a => Entry(a.Article))
            .ToList();
        var feed = AtomWriter.Write($"urn:warta:story:{id}", found.Story!.Headline, http.Request.Path, entries);
        return ApiResults.Body(http, feed, "application/atom+xml; charset=utf-8");
    }

    private static async Task<IResult> StoryCsvAsync(HttpContext http, ReadStorePool stores, string id, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        if (await ApiResults.NotModifiedAsync(http, store, cancellationToken).ConfigureAwait(false) is { } notModified) return notModified;
        var found = await StoriesEndpoints.FindAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (found.Result is { } answer) return answer;
        var articles = await new StoryQueries(store, store).GetArticlesAsync(id, cancellationToken).ConfigureAwait(false) ?? [];
        var csv = new StringBuilder("id,published,outlet,title,url,copy_of\n");
        foreach (var row in articles.Select(StoryArticleJson.From).Zip(articles))
        {
            var (json, item) = row;
            csv.AppendJoin(',', new[] { json.Id, json.Published ?? "", json.Outlet, json.Title, item.Article.Url ?? "", json.CopyOf ?? "" }.Select(Csv)).Append('\n');
        }
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"story-{id}.csv\"";
        return ApiResults.Body(http, csv.ToString(), "text/csv; charset=utf-8");
    }

    private static async Task<IResult> StoryJsonAsync(HttpContext http, ReadStorePool stores, string id, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        if (await ApiResults.NotModifiedAsync(http, store, cancellationToken).ConfigureAwait(false) is { } notModified) return notModified;
        var found = await StoriesEndpoints.FindAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (found.Result is { } answer) return answer;
        var detail = (await new StoryQueries(store, store, store).GetAsync(id, cancellationToken).ConfigureAwait(false)).Value!;
        var view = detail.View;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"story-{id}.json\"";
        return ApiResults.Body(http, ReadJson.Serialize(StoryJson.From(detail, view, null)));
    }

    private static async Task<IResult> SearchAtomAsync(HttpContext http, ReadStorePool stores, SearchIndexReader indexes, string? q, CancellationToken cancellationToken)
    {
        if (!SearchEndpoints.TryQuery(q, null, null, null, out var query, out var problem)) return problem!;
        using var lease = stores.Rent();
        var store = lease.Store;
        var index = indexes.TryOpen(store);
        if (index is null) return SearchEndpoints.NoIndex();
        var hits = await index.SearchArticlesAsync(query with { Limit = 50, Sort = Core.Search.SearchSort.Time }, cancellationToken).ConfigureAwait(false);
        var entries = hits.Hits.Select(static h => new AtomWriter.Entry(
            $"urn:warta:article:{h.ArticleId}", h.Title, h.Published ?? DateTimeOffset.UnixEpoch, h.Outlet, null, h.Snippet)).ToList();
        var feed = AtomWriter.Write($"urn:warta:search:{Uri.EscapeDataString(q ?? "")}", $"Warta: {q}", http.Request.Path + http.Request.QueryString, entries);
        return ApiResults.Body(http, feed, "application/atom+xml; charset=utf-8");
    }

    private static AtomWriter.Entry Entry(Article article) => new(
        $"urn:warta:article:{article.Id}",
        article.Title,
        article.Published?.Value ?? DateTimeOffset.UnixEpoch,
        article.Outlet,
        article.Url,
        article.Paragraphs.Count > 0 ? article.Paragraphs[0] : "");

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
