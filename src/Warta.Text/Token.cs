namespace Warta.Text;

/// <summary>One token of an analysed text: a span of the original string plus its normal form and stem.</summary>
/// <param name="Start">Offset of the first char in the original text.</param>
/// <param name="Length">Number of chars in the original text.</param>
/// <param name="Normal">Case-folded, diacritic- and quote-normalised form.</param>
/// <param name="Stem">Root form used for matching (equals <paramref name="Normal"/> when no stemmer applies).</param>
/// <param name="Kind">Word, number, punctuation …</param>
/// <param name="IsStopword">True for function words of the text's language.</param>
public readonly record struct Token(int Start, int Length, string Normal, string Stem, TokenKind Kind, bool IsStopword)
{
    public int End => Start + Length;
}
