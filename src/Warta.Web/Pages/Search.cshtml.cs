using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warta.Core.Search;
using Warta.Core.Stories;
using Warta.Hosting;
using Warta.Web.Api;
using Warta.Web.App;

namespace Warta.Web.Pages;

/// <summary>Search: the query syntax of <c>warta search</c> plus form filters (outlet, since, until), article or story hits with highlighted snippets, and matches per day.</summary>
internal sealed class SearchModel(ReadStorePool stores, SearchIndexReader search) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Since { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Until { get; set; }

    /// <summary><c>articles</c> (the default) or <c>stories</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool Stories => string.Equals(Kind, "stories", StringComparison.Ordinal);

    /// <summary>Whether anything was asked (words or a filter); an empty form shows only the form.</summary>
    public bool Asked { get; private set; }

    /// <summary>The parser's complaint; the query is shown with the column it names marked.</summary>
    public SearchQueryException? Error { get; private set; }

    /// <summary>A form field that is not a date (yyyy-mm-dd): its name.</summary>
    public string? BadDate { get; private set; }

    public bool HasIndex { get; private set; } = true;

    public IReadOnlyList<string> Outlets { get; private set; } = [];

    public SearchResults<SearchHit>? Articles { get; private set; }

    public SearchResults<StorySearchHit>? StoryHits { get; private set; }

    public IReadOnlyDictionary<string, string> Headlines { get; private set; } = new Dictionary<string, string>();

    public ChartSeries PerDay { get; private set; } = ChartSeries.Empty;

    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        var stories = await new StoryQueries(store, store).CurrentAsync(cancellationToken).ConfigureAwait(false);
        Outlets = [.. stories.SelectMany(static s => s.Outlets).Where(static o => o.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Asked = !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Outlet) || !string.IsNullOrEmpty(Since) || !string.IsNullOrEmpty(Until);
        if (!Asked) return;
        SearchQuery query;
        try
        {
            query = SearchQueryParser.Parse(Q ?? "");
        }
        catch (SearchQueryException ex)
        {
            Error = ex;
            return;
        }
        if (!Day(Since, out var since)) BadDate = "since";
        if (!Day(Until, out var until)) BadDate = "until";
        if (BadDate is not null) return;
        PageNumber = Math.Max(1, PageNumber);
        query = query with
        {
            Outlets = string.IsNullOrEmpty(Outlet) ? query.Outlets : [.. query.Outlets, Outlet.Trim().ToLowerInvariant()],
            Since = since ?? query.Since,
            Until = until ?? query.Until,
            Limit = PageSize,
            Offset = (PageNumber - 1) * PageSize,
        };
        if (search.TryOpen(store) is not { } index)
        {
            HasIndex = false;
            return;
        }
        var counts = await index.CountAsync(query, SearchPeriod.Day, byOutlet: false, cancellationToken).ConfigureAwait(false);
        PerDay = ChartSeries.Of(counts.SelectMany(static c => Enumerable.Repeat((c.Start, ""), c.Count)));
        if (Stories)
        {
            StoryHits = await index.SearchStoriesAsync(query, cancellationToken).ConfigureAwait(false);
            PageCount = Math.Max(1, (StoryHits.Total + PageSize - 1) / PageSize);
            Headlines = stories.ToDictionary(static s => s.Id, static s => s.Headline, StringComparer.Ordinal);
        }
        else
        {
            Articles = await index.SearchArticlesAsync(query, cancellationToken).ConfigureAwait(false);
            PageCount = Math.Max(1, (Articles.Total + PageSize - 1) / PageSize);
        }
    }

    /// <summary>This search with another page number, as a URL.</summary>
    public string PageUrl(int page) => QueryUrl(page, Kind);

    /// <summary>This search showing <paramref name="kind"/> instead, from its first page.</summary>
    public string KindUrl(string kind) => QueryUrl(1, kind);

    private string QueryUrl(int page, string? kind)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("q", Q);
        Add("outlet", Outlet);
        Add("since", Since);
        Add("until", Until);
        Add("kind", kind);
        if (page > 1) Add("page", page.ToString(CultureInfo.InvariantCulture));
        return "/search?" + string.Join('&', parts);
    }

    private static bool Day(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        day = parsed;
        return true;
    }
}
