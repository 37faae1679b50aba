using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary><c>/api/v1/stories</c>: stories as <c>warta stories --json</c> lists them, one story as <c>warta story --json</c> shows it, from the same Core queries.</summary>
internal static class StoriesEndpoints
{
    public static RouteGroupBuilder MapStories(this RouteGroupBuilder api)
    {
        api.MapGet("/stories", ListAsync).WithName("ListStories")
            .WithSummary("Stories: ?limit&offset, ?sort=recent|time, filters ?outlet ?entity ?since ?until ?language");
        api.MapGet("/stories/{id}", GetAsync).WithName("GetStory")
            .WithSummary("One story (warta story --json): articles, entities, dates, quotes, brief, timeline, disagreements; ?since= adds what's new");
        api.MapGet("/stories/{id}/articles", ArticlesAsync).WithName("GetStoryArticles").WithSummary("A story's articles, copies marked");
        return api;
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, ReadStorePool stores, EntityListCache cache, string? limit, string? offset, string? sort, string? outlet, string? entity, string? since, string? until, string? language,
        CancellationToken cancellationToken)
    {
        if (!ApiResults.TryPage(limit, offset, out var take, out var skip, out var problem)) return problem!;
        if (sort is not (null or "recent" or "time")) return ApiResults.BadRequest($"sort must be 'recent' or 'time', not '{sort}'");
        if (!ApiResults.TryTime("since", since, out var from, out problem) || !ApiResults.TryTime("until", until, out var to, out problem)) return problem!;
        using var lease = stores.Rent();
        var store = lease.Store;
        if (await ApiResults.NotModifiedAsync(http, store, cancellationToken).ConfigureAwait(false) is { } notModified) return notModified;
        var queries = new StoryQueries(store, store);
        var order = sort == "time" ? StoryListOrder.FirstPublished : StoryListOrder.Updated;
        if (outlet is null && from is null && to is null && entity is null && language is null)
        {
            // Unfiltered, the store reads just the page asked for (a listing of 30,000 stories read them all).
            var page = await queries.CurrentPageAsync(new PageRequest(skip, take), order, cancellationToken).ConfigureAwait(false);
            http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiResults.Body(http, ReadJson.Serialize([.. page.Items.Select(StorySummaryJson.From)]));
        }
        // time: the order `warta stories` prints (first publication); recent: most recently updated first.
        IEnumerable<Story> stories = sort == "time"
            ? await queries.TimelineAsync(cancellationToken).ConfigureAwait(false)
            : await queries.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (outlet is not null) stories = stories.Where(s => s.Outlets.Contains(outlet, StringComparer.OrdinalIgnoreCase));
        if (from is { } f) stories = stories.Where(s => (s.LastPublished ?? s.FirstPublished) is { } last && last >= f);
        if (to is { } t) stories = stories.Where(s => s.FirstPublished is { } first && first <= t);
        if (entity is not null)
        {
            var named = StoryQueries.FindEntity(await cache.GetAsync(store, cancellationToken).ConfigureAwait(false), entity)
                .SelectMany(static e => e.Stories).Select(static s => s.Id).ToHashSet(StringComparer.Ordinal);
            stories = stories.Where(s => named.Contains(s.Id));
        }
        var list = stories.ToList();
        if (language is not null)
        {
            var kept = new List<Story>();
            foreach (var story in list)
            {
                var articles = await queries.GetArticlesAsync(story.Id, cancellationToken).ConfigureAwait(false) ?? [];
                if (articles.Any(a => string.Equals(a.Article.Language, language, StringComparison.OrdinalIgnoreCase))) kept.Add(story);
            }
            list = kept;
        }
        http.Response.Headers["X-Total-Count"] = list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiResults.Body(http, ReadJson.Serialize([.. list.Skip(skip).Take(take).Select(StorySummaryJson.From)]));
    }

    private static async Task<IResult> GetAsync(HttpContext http, ReadStorePool stores, StoryReadCache cache, string id, string? since, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        // The story's own version: the writes to other stories change neither its ETag nor its cached answer.
        var version = await StoreVersion.ReadForStoryAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (ApiResults.NotModified(http, version) is { } notModified) return notModified;
        // The plain story (no ?since=) is the one asked again and again: made once per version of the story, by one request
        // while the others asking for it at the same version wait for it.
        if (since is null && await cache.GetOrMakeAsync(version, "api:" + id, MakeAsync).ConfigureAwait(false) is { } made) return ApiResults.Body(http, made);
        async Task<(byte[] Value, int Weight)?> MakeAsync()
        {
            if ((await FindAsync(store, id, cancellationToken).ConfigureAwait(false)).Story is null) return null;
            var plain = (await new StoryQueries(store, store, store).GetAsync(id, cancellationToken).ConfigureAwait(false)).Value!;
            var bytes = System.Text.Encoding.UTF8.GetBytes(ReadJson.Serialize(StoryJson.From(plain, plain.View, null)));
            return (bytes, bytes.Length / 4096);
        }
        var found = await FindAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (found.Result is { } answer) return answer;
        var detail = (await new StoryQueries(store, store, store).GetAsync(id, cancellationToken).ConfigureAwait(false)).Value!;
        var view = detail.View;
        IReadOnlyList<StoryTelling>? news = null;
        if (since is not null)
        {
            news = NewSince(view, since);
            if (news is null) return ApiResults.BadRequest($"since '{since}' is neither a time nor an article of story '{id}'");
        }
        return ApiResults.Body(http, System.Text.Encoding.UTF8.GetBytes(ReadJson.Serialize(StoryJson.From(detail, view, news))));
    }

    private static async Task<IResult> ArticlesAsync(HttpContext http, ReadStorePool stores, string id, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        var version = await StoreVersion.ReadForStoryAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (ApiResults.NotModified(http, version) is { } notModified) return notModified;
        var found = await FindAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (found.Result is { } answer) return answer;
        var articles = await new StoryQueries(store, store).GetArticlesAsync(id, cancellationToken).ConfigureAwait(false) ?? [];
        return ApiResults.Body(http, ApiJson.Serialize([.. articles.Select(StoryArticleJson.From)]));
    }

    /// <summary>The story with exactly this id; a 404 when there is none, a 308 to the story it joined when it was merged (the rest of the path kept).</summary>
    public static async Task<(Story? Story, IResult? Result)> FindAsync(IWartaStore store, string id, CancellationToken cancellationToken)
    {
        if (await store.GetStoryAsync(id, cancellationToken).ConfigureAwait(false) is not { } story) return (null, ApiResults.NotFound($"no story '{id}'"));
        var merges = await store.ListMergesOfAsync(id, cancellationToken).ConfigureAwait(false);
        var into = id;
        for (var hops = 0; hops <= merges.Count && merges.FirstOrDefault(m => m.FromStoryId == into) is { } merge; hops++) into = merge.IntoStoryId;
        return into == id ? (story, null) : (null, new RedirectToStory(id, into));
    }

    /// <summary>What's new since a time or an article of the story, from its stored view; null when <paramref name="since"/> is neither.</summary>
    private static IReadOnlyList<StoryTelling>? NewSince(StoryView? view, string since)
    {
        if (view is null) return null;
        if (DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)) return view.NewSince(time);
        var matches = view.ArticleIds.Where(a => a.StartsWith(since, StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? view.NewSinceArticle(matches[0]) : null;
    }

    /// <summary>308 from a merged story's URL to the same URL of the story it joined (query kept).</summary>
    private sealed class RedirectToStory(string from, string into) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var request = httpContext.Request;
            var path = request.Path.Value ?? "";
            var marker = "/stories/" + Uri.EscapeDataString(from);
            var at = path.IndexOf(marker, StringComparison.Ordinal);
            var target = at < 0 ? $"/api/v1/stories/{Uri.EscapeDataString(into)}" : string.Concat(path.AsSpan(0, at), "/stories/", Uri.EscapeDataString(into), path.AsSpan(at + marker.Length));
            return Results.Redirect(target + request.QueryString, permanent: true, preserveMethod: true).ExecuteAsync(httpContext);
        }
    }
}
