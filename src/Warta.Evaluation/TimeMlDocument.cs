namespace Warta.Evaluation;

/// <summary>A TimeML document read into plain text, its creation time (DCT) and the gold TIMEX3 spans of its TEXT.</summary>
/// <param name="Id">DOCID, or empty when absent.</param>
/// <param name="Title">TITLE, when present.</param>
/// <param name="CreationTime">The DCT value (<c>2013-10-18</c>), the reference for normalisation.</param>
/// <param name="CreationTimeText">The DCT as written (<c>Jumat, 18 Oktober 2013</c>).</param>
/// <param name="Text">TEXT content with tags removed and entities decoded; line ends are <c>\n</c>.</param>
/// <param name="Timexes">Gold TIMEX3 spans, offsets into <paramref name="Text"/>.</param>
public sealed record TimeMlDocument(string Id, string? Title, DateTimeOffset CreationTime, string CreationTimeText, string Text, IReadOnlyList<GoldTimex> Timexes);
