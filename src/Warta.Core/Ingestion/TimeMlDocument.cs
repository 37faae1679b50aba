namespace Warta.Core.Ingestion;

/// <summary>The parts of a TimeML article Warta uses: the document creation time, the title and the body without markup.</summary>
/// <param name="DctText">The DCT as printed on the page, e.g. <c>Jumat, 18 Oktober 2013</c>.</param>
/// <param name="DctValue">The DCT's TIMEX3 value, e.g. <c>2013-10-18</c> (Kompas files also write <c>2013-12-4</c>).</param>
/// <param name="Title">The <c>TITLE</c> element's text; empty when missing.</param>
/// <param name="Body">The <c>TEXT</c> element with all markup removed.</param>
public sealed record TimeMlDocument(string DctText, string DctValue, string Title, string Body);
