using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Hosting;
using Warta.Web.App;

namespace Warta.Web.Pages.Stories;

/// <summary>One story: headline, first outlet, articles per day by outlet, timeline, cited brief, what's new since this browser's last visit, disagreements, entities, quotes by speaker, articles with copies folded.</summary>
/// <remarks>Everything comes from Core's <see cref="StoryQueries"/> and the stored <see cref="StoryView"/>; nothing about the story is computed here.</remarks>
internal sealed class StoryModel(StoreOpener opener) : PageModel
{
    /// <summary>An article of the story with the copies of it that the story holds.</summary>
    public sealed record Original(StoryArticle Item, IReadOnlyList<StoryArticle> Copies);

    public StoryDetail Detail { get; private set; } = null!;

    public StoryView? View { get; private set; }

    public ChartSeries Chart { get; private set; } = ChartSeries.Empty;

    public string? FirstOutlet { get; private set; }

    /// <summary>What's new since this browser's previous visit; null on a first visit (or when the story has no stored view yet).</summary>
    public IReadOnlyList<StoryTelling>? New { get; private set; }

    public IReadOnlyList<Original> Articles { get; private set; } = [];

    public IReadOnlyList<IGrouping<string, (Article Article, Quote Quote)>> QuotesBySpeaker { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        using var store = opener.OpenForReading();
        var queries = new StoryQueries(store, store);
        var resolved = await queries.ResolveAsync(id, cancellationToken).ConfigureAwait(false);
        if (resolved.Value is not { } story) return NotFound();
        // A merged story lives on in the story it joined; a prefix names its story's own URL.
        var current = await JoinedAsync(store, story.Id, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(current, id, StringComparison.Ordinal)) return Redirect("/stories/" + Uri.EscapeDataString(current));
        var found = await queries.GetAsync(current, cancellationToken).ConfigureAwait(false);
        if (found.Value is not { } detail) return NotFound();
        Detail = detail;
        View = await store.GetStoryViewAsync(current, cancellationToken).ConfigureAwait(false);
        FirstOutlet = detail.Articles.FirstOrDefault(static a => a.Article.Published is not null)?.Article.Outlet;
        Chart = ChartSeries.Of(detail.Articles
            .Where(static a => a.Article.Published is not null)
            .Select(static a => (PageText.DayOf(a.Article.Published!.Value.Value), a.Article.Outlet)));
        Articles = Fold(detail.Articles);
        QuotesBySpeaker = [.. detail.Articles
            .SelectMany(static a => a.Article.Annotations.Quotes.Select(q => (a.Article, Quote: q)))
            .GroupBy(static p => p.Quote.Speaker ?? "")
            .OrderByDescending(static g => g.Count())
            .ThenBy(static g => g.Key, StringComparer.Ordinal)];
        if (View is { ArticleIds.Count: > 0 } view)
        {
            if (SeenStories.LastSeen(HttpContext, current) is { } seen) New = view.NewSinceArticle(seen);
            SeenStories.Remember(HttpContext, current, view.ArticleIds[^1]);
        }
        return Page();
    }

    /// <summary>The story <paramref name="storyId"/> was merged into, following merges of merges; itself when it was not merged.</summary>
    private static async Task<string> JoinedAsync(IWartaStore stories, string storyId, CancellationToken cancellationToken)
    {
        var merges = await stories.ListMergesAsync(cancellationToken).ConfigureAwait(false);
        var into = merges.GroupBy(static m => m.FromStoryId, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.Last().IntoStoryId, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { storyId };
        while (into.TryGetValue(storyId, out var next) && seen.Add(next)) storyId = next;
        return storyId;
    }

    private static List<Original> Fold(IReadOnlyList<StoryArticle> articles)
    {
        var byId = new Dictionary<string, StoryArticle>(StringComparer.Ordinal);
        foreach (var a in articles) byId.TryAdd(a.Article.Id, a);
        // A copy of a copy folds under the first original, so no article is left out of the list.
        string Root(StoryArticle item)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { item.Article.Id };
            while (item.Assignment.CopyOfArticleId is { } o && byId.TryGetValue(o, out var original) && seen.Add(o)) item = original;
            return item.Article.Id;
        }
        var roots = byId.Values.ToDictionary(static a => a.Article.Id, Root, StringComparer.Ordinal);
        return [.. articles
            .Where(a => string.Equals(roots[a.Article.Id], a.Article.Id, StringComparison.Ordinal))
            .Select(a => new Original(a, [.. articles.Where(c => !ReferenceEquals(c, a) && string.Equals(roots[c.Article.Id], a.Article.Id, StringComparison.Ordinal))]))];
    }
}
