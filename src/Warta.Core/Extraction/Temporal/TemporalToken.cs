namespace Warta.Core.Extraction.Temporal;

/// <summary>A word, number or single punctuation char of the text, with its lower-cased form.</summary>
internal readonly record struct TemporalToken(int Start, int Length, string Text, string Lower, TemporalTokenKind Kind)
{
    public int End => Start + Length;

    public bool IsWord => Kind == TemporalTokenKind.Word;

    public bool IsNumber => Kind == TemporalTokenKind.Number;

    public bool IsCapitalised => Kind == TemporalTokenKind.Word && char.IsUpper(Text[0]);

    public bool Is(string lower) => string.Equals(Lower, lower, StringComparison.Ordinal);
}
