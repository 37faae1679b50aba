namespace Warta.Core.Stories;

/// <summary>One value of a disputed quantity, as written, with the articles that state it.</summary>
/// <param name="Value">The quantity as the first article writes it (<c>tujuh orang</c>, <c>Rp3,5 miliar</c>).</param>
/// <param name="Number">Its numeric value.</param>
/// <param name="Citations">The articles stating this value, earliest first.</param>
public sealed record QuantityClaim(string Value, decimal Number, IReadOnlyList<StoryCitation> Citations);
