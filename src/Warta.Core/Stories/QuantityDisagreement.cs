namespace Warta.Core.Stories;

/// <summary>A quantity of a story stated with different values: by different outlets at the same time (<c>disagreement</c>), or revised by the outlet that gave it (<c>correction</c>).</summary>
/// <param name="Counts">What is counted (<c>meninggal</c>, <c>kios</c>, <c>kerugian</c>), as <see cref="Extraction.Quantities.Quantity.Counts"/> keys it.</param>
/// <param name="Kind"><c>disagreement</c> or <c>correction</c>.</param>
/// <param name="Values">The values; for a correction the old one first, then the new.</param>
public sealed record QuantityDisagreement(string Counts, string Kind, IReadOnlyList<QuantityClaim> Values);
