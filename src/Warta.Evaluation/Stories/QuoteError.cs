namespace Warta.Evaluation.Stories;

/// <summary>One disagreement between the extracted quotes and the gold.</summary>
/// <param name="Kind"><c>missed</c> (a gold quote nothing matched), <c>spurious</c> (an extracted quote no gold row matched) or <c>speaker</c> (matched, wrong speaker).</param>
/// <param name="Source">The article key.</param>
/// <param name="Text">The gold quote start, or the extracted text when spurious.</param>
/// <param name="Expected">The gold speaker(s); null when spurious.</param>
/// <param name="Got">The extracted speaker (or role); null when missed or unattributed.</param>
public sealed record QuoteError(string Kind, string Source, string Text, string? Expected, string? Got);
