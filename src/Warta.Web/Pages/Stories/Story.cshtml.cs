using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Core.Stories.Corrections;
using Warta.Hosting;
using Warta.Storage.Sqlite;
using Warta.Web.Api;
using Warta.Web.App;

namespace Warta.Web.Pages.Stories;

/// <summary>One story: headline, first outlet, articles per day by outlet, timeline, cited brief, what's new since this browser's last visit, disagreements, entities, quotes by speaker, articles with copies folded.</summary>
/// <remarks>Everything comes from Core's <see cref="StoryQueries"/> and the stored <see cref="StoryView"/>; nothing about the story is computed here.
/// An editor signed in with an API key (<see cref="EditorCookie"/>) gets forms to merge, split and move, posted with an
/// antiforgery token and made by the one writer (<see cref="IStoryCorrections"/>) as the key's name, as the API makes them.</remarks>
internal sealed class StoryModel(ReadStorePool stores, StoryReadCache cache, IStoryCorrections corrections) : PageModel
{
    /// <summary>What the page shows of a story at one version of it, whoever asks: made once per version (<see cref="StoryReadCache"/>).</summary>
    private sealed record Shown(
        StoryDetail Detail, string? FirstOutlet, ChartSeries Chart, IReadOnlyList<Original> Articles,
        IReadOnlyList<IGrouping<string, (Article Article, Quote Quote)>> QuotesBySpeaker, IReadOnlyList<StoryCorrection> Corrections)
    {
        /// <summary>The latest <see cref="ArticlesShown"/> of <see cref="Articles"/> (all when there are no more).</summary>
        public IReadOnlyList<Original> LatestArticles { get; } = Articles.Count <= ArticlesShown ? Articles : [.. Articles.Skip(Articles.Count - ArticlesShown)];

        /// <summary>The first <see cref="QuotesShownPerSpeaker"/> quotes of each speaker.</summary>
        public IReadOnlyList<IGrouping<string, (Article Article, Quote Quote)>> FirstQuotesBySpeaker { get; } =
            QuotesBySpeaker.All(static g => g.Count() <= QuotesShownPerSpeaker)
                ? QuotesBySpeaker
                : [.. QuotesBySpeaker.SelectMany(static g => g.Take(QuotesShownPerSpeaker).Select(q => (g.Key, q))).GroupBy(static p => p.Key, static p => p.q)];

        /// <summary>Whether the page leaves articles or quotes out unless asked for all.</summary>
        public bool Trimmed => !ReferenceEquals(LatestArticles, Articles) || !ReferenceEquals(FirstQuotesBySpeaker, QuotesBySpeaker);
    }

    /// <summary>An article of the story with the copies and earlier revisions of it that the story holds.</summary>
    public sealed record Original(StoryArticle Item, IReadOnlyList<StoryArticle> Copies);

    /// <summary>Most articles (originals, their copies folded under them) the page lists unless asked for all: a story of
    /// thousands of reports rendered every one on every request (4,322 at 100,000 articles), the most of a read's CPU.</summary>
    public const int ArticlesShown = 200;

    /// <summary>Most quotes the page lists of each speaker unless asked for all.</summary>
    public const int QuotesShownPerSpeaker = 10;

    public StoryDetail Detail { get; private set; } = null!;

    /// <summary>Whether the page lists every article and quote (<c>?articles=all</c>).</summary>
    public bool ShowAll { get; private set; }

    /// <summary>How many articles the story lists in all (originals; copies fold under them).</summary>
    public int ArticleCount { get; private set; }

    /// <summary>Whether this page leaves articles or quotes out (a long story, not asked for all).</summary>
    public bool Trimmed { get; private set; }

    public StoryView? View { get; private set; }

    public ChartSeries Chart { get; private set; } = ChartSeries.Empty;

    public string? FirstOutlet { get; private set; }

    /// <summary>What's new since this browser's previous visit; null on a first visit (or when the story has no stored view yet).</summary>
    public IReadOnlyList<StoryTelling>? New { get; private set; }

    public IReadOnlyList<Original> Articles { get; private set; } = [];

    public IReadOnlyList<IGrouping<string, (Article Article, Quote Quote)>> QuotesBySpeaker { get; private set; } = [];

    /// <summary>The corrections made to this story (as either story), in order.</summary>
    public IReadOnlyList<StoryCorrection> Corrections { get; private set; } = [];

    /// <summary>The name of the key this browser is signed in with, or null: the forms are shown only with one.</summary>
    public string? Editor => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    /// <summary>The name of a revoked key the browser still holds, or null.</summary>
    public string? RevokedEditor => ApiKeyAuthenticationHandler.RevokedKeyName(HttpContext);

    /// <summary>Why the last correction was refused (its message), or null.</summary>
    public string? CorrectionError { get; private set; }

    public Task<IActionResult> OnGetAsync(string id, string? articles, CancellationToken cancellationToken)
    {
        ShowAll = string.Equals(articles, "all", StringComparison.Ordinal);
        return ShowAsync(id, remember: true, cancellationToken);
    }

    /// <summary>Merges this story into the story <paramref name="into"/> names (id or unique prefix), then shows the story it joined.</summary>
    public Task<IActionResult> OnPostMergeAsync(string id, string? into, CancellationToken cancellationToken) =>
        CorrectAsync(id, by => corrections.MergeAsync(id, into ?? "", by, cancellationToken), static c => c.TargetStoryId, cancellationToken);

    /// <summary>Splits the ticked <paramref name="articles"/> off this story into a new story, then shows this story.</summary>
    public Task<IActionResult> OnPostSplitAsync(string id, string[]? articles, CancellationToken cancellationToken) =>
        CorrectAsync(id, by => corrections.SplitAsync(id, articles ?? [], by, cancellationToken), static c => c.StoryId, cancellationToken);

    /// <summary>Moves <paramref name="article"/> of this story to the story <paramref name="to"/> names, then shows this story.</summary>
    public Task<IActionResult> OnPostMoveAsync(string id, string? article, string? to, CancellationToken cancellationToken) =>
        CorrectAsync(id, by => corrections.MoveAsync(article ?? "", to ?? "", by, cancellationToken), static c => c.StoryId, cancellationToken);

    /// <summary>Makes a correction as the signed-in editor: without a key, to the sign-in page (a revoked key never gets
    /// here: <see cref="RevokedEditorFilter"/> answers 403); refused (unknown story, merge into itself…), the page again
    /// with the reason and 400 or 404; done, 303 to the story.</summary>
    private async Task<IActionResult> CorrectAsync(
        string id, Func<string, Task<StoryCorrection>> correct, Func<StoryCorrection, string> show, CancellationToken cancellationToken)
    {
        if (Editor is not { } editor)
        {
            return LocalRedirect("/signin?returnUrl=" + Uri.EscapeDataString("/stories/" + Uri.EscapeDataString(id)));
        }
        try
        {
            var done = await correct(editor).ConfigureAwait(false);
            // 303: the browser follows with a GET, so a reload of the story does not post the correction again.
            Response.Headers.Location = "/stories/" + Uri.EscapeDataString(show(done));
            return StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (StoryCorrectionException ex)
        {
            CorrectionError = ex.Message;
            Response.StatusCode = ex.Error == StoryCorrectionError.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return await ShowAsync(id, remember: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IActionResult> ShowAsync(string id, bool remember, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        var version = await StoreVersion.ReadForStoryAsync(store, id, cancellationToken).ConfigureAwait(false);
        // Made once per version of the story, by one request while the others asking for it at that version wait for it.
        var shown = await cache.GetOrMakeAsync(version, "page:" + id, () => MakeAsync(store, id, cancellationToken)).ConfigureAwait(false);
        if (shown is null)
        {
            // Not a story of its own: no such story, or one merged into another, or a prefix (their own URLs).
            var resolved = await new StoryQueries(store, store, store).ResolveAsync(id, cancellationToken).ConfigureAwait(false);
            if (resolved.Value is not { } story) return NotFound();
            var current = await JoinedAsync(store, story.Id, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(current, id, StringComparison.Ordinal)) return Redirect("/stories/" + Uri.EscapeDataString(current));
            // Written in between: made again, for this request alone.
            shown = (await MakeAsync(store, id, cancellationToken).ConfigureAwait(false))?.Value;
            if (shown is null) return NotFound();
        }
        Detail = shown.Detail;
        View = shown.Detail.View;
        FirstOutlet = shown.FirstOutlet;
        Chart = shown.Chart;
        ArticleCount = shown.Articles.Count;
        Trimmed = !ShowAll && shown.Trimmed;
        Articles = ShowAll ? shown.Articles : shown.LatestArticles;
        QuotesBySpeaker = ShowAll ? shown.QuotesBySpeaker : shown.FirstQuotesBySpeaker;
        Corrections = shown.Corrections;
        var storyId = shown.Detail.Story.Id;
        if (remember && View is { ArticleIds.Count: > 0 } view)
        {
            if (SeenStories.LastSeen(HttpContext, storyId) is { } seen) New = view.NewSinceArticle(seen);
            SeenStories.Remember(HttpContext, storyId, view.ArticleIds[^1]);
        }
        return Page();
    }

    /// <summary>What the page shows of story <paramref name="id"/>, with its weight in the cache (its articles); null when the id
    /// is not a current story's own (none, merged into another, a prefix).</summary>
    private static async Task<(Shown Value, int Weight)?> MakeAsync(IWartaStore store, string id, CancellationToken cancellationToken)
    {
        var queries = new StoryQueries(store, store, store);
        if (await store.GetStoryAsync(id, cancellationToken).ConfigureAwait(false) is null) return null;
        if (!string.Equals(await JoinedAsync(store, id, cancellationToken).ConfigureAwait(false), id, StringComparison.Ordinal)) return null;
        var found = await queries.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (found.Value is not { } detail) return null;
        var shown = new Shown(
            detail,
            detail.Articles.FirstOrDefault(static a => a.Article.Published is not null)?.Article.Outlet,
            ChartSeries.Of(detail.Articles
                .Where(static a => a.Article.Published is not null)
                .Select(static a => (PageText.DayOf(a.Article.Published!.Value.Value), a.Article.Outlet))),
            Fold(detail.Articles),
            [.. detail.Articles
                .SelectMany(static a => a.Article.Annotations.Quotes.Select(q => (a.Article, Quote: q)))
                .GroupBy(static p => p.Quote.Speaker ?? "")
                .OrderByDescending(static g => g.Count())
                .ThenBy(static g => g.Key, StringComparer.Ordinal)],
            await store.ListCorrectionsAsync(id, cancellationToken).ConfigureAwait(false));
        return (shown, detail.Articles.Count);
    }

    /// <summary>The story <paramref name="storyId"/> was merged into, following merges of merges; itself when it was not merged.</summary>
    private static async Task<string> JoinedAsync(IStoryReader stories, string storyId, CancellationToken cancellationToken)
    {
        var merges = await stories.ListMergesOfAsync(storyId, cancellationToken).ConfigureAwait(false);
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
            while (Next(item) is { } o && byId.TryGetValue(o, out var original) && seen.Add(o)) item = original;
            return item.Article.Id;
        }
        // An earlier revision of a page folds under its latest revision, as a copy under its original; a copy of an earlier
        // revision folds under that revision's latest (which is the copy itself when the latest was placed as a copy of it).
        string? Next(StoryArticle item)
        {
            if (item.SupersededBy is { } latest) return latest;
            if (item.Assignment.CopyOfArticleId is not { } o) return null;
            return byId.TryGetValue(o, out var original) && original.SupersededBy is { } originalLatest ? originalLatest : o;
        }
        var roots = byId.Values.ToDictionary(static a => a.Article.Id, Root, StringComparer.Ordinal);
        return [.. articles
            .Where(a => string.Equals(roots[a.Article.Id], a.Article.Id, StringComparison.Ordinal))
            .Select(a => new Original(a, [.. articles.Where(c => !ReferenceEquals(c, a) && string.Equals(roots[c.Article.Id], a.Article.Id, StringComparison.Ordinal))]))];
    }
}
