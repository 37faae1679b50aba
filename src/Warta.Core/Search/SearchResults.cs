namespace Warta.Core.Search;

/// <summary>A page of hits with the total number of matches.</summary>
/// <param name="Total">Every match of the query, not only this page.</param>
/// <param name="Hits">This page, in the query's order.</param>
public sealed record SearchResults<T>(int Total, IReadOnlyList<T> Hits);
