namespace Warta.Core.Search;

/// <summary>How many matching articles were published in one period (overall, or by one outlet).</summary>
/// <param name="Start">First day of the period (the Monday of a week).</param>
/// <param name="Outlet">The outlet counted, or null for all outlets together.</param>
/// <param name="Count">Matching articles of that period (and outlet).</param>
public sealed record PeriodCount(DateOnly Start, string? Outlet, int Count);
