namespace Warta.Core.Extraction.Quantities;

/// <summary>A number stated in an article body with what it counts: <c>sekitar 3.000 warga</c>, <c>Rp2 miliar</c>, <c>sembilan orang meninggal</c>.</summary>
/// <param name="Sentence">Index of the body sentence it is in (<see cref="SentenceSplitter"/>).</param>
/// <param name="Start">Offset of the first char (the hedge word or currency when there is one) into <see cref="Model.Article.Body"/>.</param>
/// <param name="Length">Length in chars, up to and including the unit or counted noun.</param>
/// <param name="Text">The quantity as written.</param>
/// <param name="Value">The number (<c>3000</c>, <c>3.5</c>, <c>2000000000</c>); the lower end of a range; the magnitude of a vague one (<c>ratusan</c> → 100).</param>
/// <param name="UpperValue">The upper end of a range (<c>10-12 rumah</c>), else null.</param>
/// <param name="IsApproximate">True when hedged (<c>sekitar</c>, <c>lebih dari</c>, <c>ratusan</c>) rather than exact.</param>
/// <param name="Unit">The currency or unit (<c>Rp</c>, <c>persen</c>, <c>meter</c>, <c>orang</c>, <c>unit</c>), when one is written.</param>
/// <param name="Counts">What it counts, lower case: the head noun (<c>korban</c>, <c>warga</c>, <c>kios</c>) or, after a classifier, what the
/// classifier counts (<c>meninggal</c> in <c>tujuh orang meninggal</c>); null when nothing near says.</param>
public sealed record Quantity(
    int Sentence,
    int Start,
    int Length,
    string Text,
    decimal Value,
    decimal? UpperValue,
    bool IsApproximate,
    string? Unit,
    string? Counts);
