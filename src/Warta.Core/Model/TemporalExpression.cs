namespace Warta.Core.Model;

/// <summary>A temporal expression in an article body, normalised against the publication time in TimeML style.</summary>
/// <param name="Start">Offset into <see cref="Article.Body"/>.</param>
/// <param name="Length">Length in chars.</param>
/// <param name="Text">The expression as written (<c>Februari lalu</c>).</param>
/// <param name="Type">Date, time, duration or set.</param>
/// <param name="Value">TIMEX3 value (<c>2019-02</c>, <c>2019-W17</c>, <c>P1M</c>, <c>PRESENT_REF</c>); null when it cannot be resolved.</param>
public sealed record TemporalExpression(int Start, int Length, string Text, TimexType Type, string? Value);
