using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Core.Search;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary><c>/api/v1/search</c> and <c>/search/counts</c>: the search index as <c>warta search --json</c> reads it (query syntax, JSON shapes).</summary>
internal static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithName("Search")
            .WithSummary("Articles (or ?stories=true stories) matching ?q= (warta search syntax): ?limit&offset ?since ?until ?outlet ?sort=relevance|time");
        api.MapGet("/search/counts", CountsAsync).WithName("SearchCounts").WithSummary("Matching articles per ?per=day|week, ?by=outlet for one count per outlet");
        return api;
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, ReadStorePool stores, SearchIndexReader indexes, string? q, string? stories, string? limit, string? offset, string? since, string? until,
        string? outlet, string? sort, CancellationToken cancellationToken)
    {
        if (!TryQuery(q, since, until, outlet, out var query, out var problem)) return problem!;
        if (!ApiResults.TryPage(limit, offset, out var take, out var skip, out problem)) return problem!;
        if (limit is null) take = 20;
        if (sort is not (null or "relevance" or "time")) return ApiResults.BadRequest($"sort must be 'relevance' or 'time', not '{sort}'");
        if (stories is not (null or "true" or "false")) return ApiResults.BadRequest($"stories must be 'true' or 'false', not '{stories}'");
        query = query with { Limit = take, Offset = skip, Sort = sort == "time" ? SearchSort.Time : SearchSort.Relevance };
        using var lease = stores.Rent();
        var store = lease.Store;
        var index = indexes.TryOpen(store);
        if (index is null) return NoIndex();
        return stories == "true"
            ? ApiResults.Body(http, SearchJson.Serialize(await index.SearchStoriesAsync(query, cancellationToken).ConfigureAwait(false)))
            : ApiResults.Body(http, SearchJson.Serialize(await index.SearchArticlesAsync(query, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<IResult> CountsAsync(
        HttpContext http, ReadStorePool stores, SearchIndexReader indexes, string? q, string? per, string? by, string? since, string? until, string? outlet,
        CancellationToken cancellationToken)
    {
        if (!TryQuery(q, since, until, outlet, out var query, out var problem)) return problem!;
        if (per is not (null or "day" or "week")) return ApiResults.BadRequest($"per must be 'day' or 'week', not '{per}'");
        if (by is not (null or "outlet")) return ApiResults.BadRequest($"by must be 'outlet', not '{by}'");
        using var lease = stores.Rent();
        var store = lease.Store;
        var index = indexes.TryOpen(store);
        if (index is null) return NoIndex();
        var counts = await index.CountAsync(query, per == "week" ? SearchPeriod.Week : SearchPeriod.Day, by == "outlet", cancellationToken).ConfigureAwait(false);
        return ApiResults.Body(http, SearchJson.Serialize(counts));
    }

    /// <summary>Parses <paramref name="q"/> as <c>warta search</c> does, the separate filters added as its operators would.</summary>
    public static bool TryQuery(string? q, string? since, string? until, string? outlet, out SearchQuery query, out IResult? problem)
    {
        query = new SearchQuery();
        problem = null;
        foreach (var (name, value) in new[] { ("since", since), ("until", until) })
        {
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problem = ApiResults.BadRequest($"{name} must be a date (yyyy-mm-dd), not '{value}'");
                return false;
            }
        }
        if (outlet is not null && outlet.AsSpan().IndexOfAny(" \t\"") >= 0)
        {
            problem = ApiResults.BadRequest($"outlet must be an outlet key without spaces or quotes (kompas.com), not '{outlet}'");
            return false;
        }
        var text = q ?? "";
        if (outlet is not null) text += $" outlet:{outlet}";
        if (since is not null) text += $" since:{since}";
        if (until is not null) text += $" until:{until}";
        if (text.Trim().Length == 0)
        {
            problem = ApiResults.BadRequest("give a query: ?q=words (or a filter: outlet, since, until)");
            return false;
        }
        try
        {
            query = SearchQueryParser.Parse(text);
            return true;
        }
        catch (SearchQueryException ex)
        {
            problem = ApiResults.BadRequest(ex.Message);
            return false;
        }
    }

    public static IResult NoIndex() => Results.Problem(
        "the store has no search index yet; run `warta index rebuild` (or any `warta ingest`)",
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search index missing");

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
