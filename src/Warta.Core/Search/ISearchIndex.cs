namespace Warta.Core.Search;

/// <summary>The read side of a full-text index of the store's articles: hits, stories, attention over time and export.</summary>
/// <remarks>The embedded one is Lucene (Warta.Search.Lucene); a server store may answer the same queries with its own
/// full-text search over the same analysed terms. Implementations expand entity aliases (<see cref="EntityAliasExpansion"/>).</remarks>
public interface ISearchIndex
{
    /// <summary>The articles matching <paramref name="query"/>, one page of them as its limit, offset and sort say.</summary>
    Task<SearchResults<SearchHit>> SearchArticlesAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Stories with matching articles, ranked by their articles' scores and freshness, one page of them.</summary>
    Task<SearchResults<StorySearchHit>> SearchStoriesAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Matching articles per period, oldest first (undated ones are not counted); with <paramref name="byOutlet"/>, one row per outlet and period.</summary>
    Task<IReadOnlyList<PeriodCount>> CountAsync(SearchQuery query, SearchPeriod period, bool byOutlet, CancellationToken cancellationToken = default);

    /// <summary>Every matching article (limit and offset ignored), in the query's sort order, for export.</summary>
    IAsyncEnumerable<SearchHit> ExportAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>The last store change the index holds; a reader compares it with the store's to tell how far behind it is.</summary>
    long Sequence { get; }
}
