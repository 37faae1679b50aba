using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warta.Core.Entities;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Core.Stories;
using Warta.Hosting;
using Warta.Web.Api;
using Warta.Web.App;

namespace Warta.Web.Pages;

/// <summary>Beranda: the stories developing now (<see cref="StoryHeat"/>), a page of them, each with its articles per day, outlets and key entities.</summary>
internal sealed class IndexModel(ReadStorePool stores, SearchIndexReader search, TimeProvider clock) : PageModel
{
    public const int PageSize = 10;

    /// <summary>Days the small chart of a story covers, ending at its last article.</summary>
    public const int ChartDays = 14;

    public sealed record Card(Story Story, int Recent, ChartSeries Chart, DateOnly From, DateOnly To, IReadOnlyList<StoryEntity> Entities);

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Offset => (PageNumber - 1) * PageSize;

    public DateTimeOffset Now { get; private set; }

    public bool HasIndex { get; private set; }

    public IReadOnlyList<Card> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        var queries = new StoryQueries(store, store, store);
        var stories = await queries.CurrentAsync(cancellationToken).ConfigureAwait(false);
        Now = StoryHeat.Now(stories, clock.GetUtcNow());
        var recent = new Dictionary<string, int>(StringComparer.Ordinal);
        if (search.TryOpen(store) is { } index && stories.Count > 0)
        {
            HasIndex = true;
            // One query counts every story's articles of the recent days (the filter alone, no words).
            var today = PageText.DayOf(Now);
            var hits = await index.SearchStoriesAsync(new SearchQuery
            {
                Since = today.AddDays(1 - StoryHeat.RecentDays),
                Until = today,
                Limit = stories.Count,
                Snippets = false,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var hit in hits.Hits) recent[hit.StoryId] = hit.MatchingArticles;
        }
        var ranked = stories
            .Select(s => (Story: s, Recent: recent.GetValueOrDefault(s.Id), Heat: StoryHeat.Of(s, recent.GetValueOrDefault(s.Id), Now)))
            .OrderByDescending(static r => r.Heat)
            .ThenByDescending(static r => r.Story.LastPublished ?? DateTimeOffset.MinValue)
            .ThenBy(static r => r.Story.Id, StringComparer.Ordinal)
            .ToList();
        PageCount = Math.Max(1, (ranked.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var cards = new List<Card>();
        foreach (var (story, recentCount, _) in ranked.Skip(Offset).Take(PageSize))
        {
            var found = await queries.GetAsync(story.Id, cancellationToken).ConfigureAwait(false);
            if (found.Value is not { } detail) continue;
            var to = story.LastPublished is { } last ? PageText.DayOf(last) : PageText.DayOf(Now);
            var from = to.AddDays(1 - ChartDays);
            var chart = ChartSeries.Of(
                detail.Articles.Where(static a => a.Article.Published is not null).Select(static a => (PageText.DayOf(a.Article.Published!.Value.Value), "")),
                from,
                to);
            cards.Add(new Card(story, recentCount, chart, from, to, [.. detail.Entities.Take(5)]));
        }
        Cards = cards;
    }
}
