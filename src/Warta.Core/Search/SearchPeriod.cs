namespace Warta.Core.Search;

/// <summary>The width of the buckets matching articles are counted in.</summary>
public enum SearchPeriod
{
    /// <summary>One bucket per calendar day (the article's own date, at its outlet's UTC offset).</summary>
    Day,

    /// <summary>One bucket per ISO week, named by its Monday.</summary>
    Week,
}
