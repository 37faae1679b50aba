namespace Warta.Core.Entities;

/// <summary>Splits text into word, number and punctuation spans for tagging when no analyser tokens are at hand.</summary>
/// <remarks>A word keeps inner hyphens, dots, apostrophes and slashes that sit between letters or digits
/// (<c>Jong-un</c>, <c>pabrik-pabrik</c>, <c>23/4/2019</c>, <c>3.000</c>); every other non-space char is its own token.</remarks>
internal static class WordSpanTokenizer
{
    public static IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        var spans = new List<(int, int)>();
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
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < text.Length)
                {
                    if (char.IsLetterOrDigit(text[i])) i++;
                    else if (IsJoiner(text[i]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) i += 2;
                    else break;
                }
            }
            else
            {
                i++;
            }
            spans.Add((start, i - start));
        }
        return spans;
    }

    private static bool IsJoiner(char c) => c is '-' or '.' or '\'' or '’' or '/';
}
