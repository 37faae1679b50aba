namespace Warta.Core.Extraction.Temporal;

/// <summary>Splits text into letter runs (with inner hyphens and apostrophes), digit runs and single punctuation chars.</summary>
/// <remarks>Digits are never merged across <c>.</c>, <c>/</c> or <c>:</c>: the grammar reads <c>23/4/2019</c> and <c>20.34</c> from adjacent tokens.</remarks>
internal static class TemporalTokenizer
{
    public static List<TemporalToken> Tokenize(string text)
    {
        var tokens = new List<TemporalToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            TemporalTokenKind kind;
            if (char.IsLetter(c))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                    || ((text[i] == '-' || text[i] == '\'' || text[i] == '’') && i + 1 < text.Length && char.IsLetter(text[i + 1])
                        && !(text[i] == '-' && IsCalendarName(text.AsSpan(start, i - start))))))
                {
                    i++;
                }
                kind = TemporalTokenKind.Word;
            }
            else if (char.IsDigit(c))
            {
                while (i < text.Length && char.IsDigit(text[i])) i++;
                kind = TemporalTokenKind.Number;
            }
            else
            {
                i++;
                kind = TemporalTokenKind.Punctuation;
            }
            var surface = text[start..i];
            tokens.Add(new TemporalToken(start, i - start, surface, surface.ToLowerInvariant(), kind));
        }
        return tokens;
    }

    /// <summary>Ranges such as <c>Juni-Juli</c> and <c>Sabtu-Minggu</c> are split at the hyphen; other hyphenated words stay whole.</summary>
    private static bool IsCalendarName(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant();
        return TemporalLexicon.Months.ContainsKey(lower) || TemporalLexicon.Weekdays.ContainsKey(lower);
    }
}
