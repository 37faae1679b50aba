using Warta.Text;

namespace Warta.Core.Extraction.Temporal;

/// <summary>The word view that the temporal grammar and the quote finder read, built from the shared token layer without tokenising again.</summary>
/// <remarks>
/// The grammar reads dates and clock times from their pieces, so a number token (<c>23/4/2019</c>, <c>20.34</c>) gives its
/// digit groups and separators, and a range of calendar names (<c>Juni-Juli</c>, <c>Sabtu-Minggu</c>) gives both names and
/// the hyphen; other hyphenated words (<c>Jong-un</c>) stay one word; each other punctuation char is a token of its own.
/// Words and their lower-case forms are the layer's own strings, shared with the entity tagger.
/// </remarks>
internal static class TemporalTokens
{
    public static List<TemporalToken> Of(TokenizedText layer)
    {
        var text = layer.Text;
        var tokens = new List<TemporalToken>(layer.Count + layer.Count / 4);
        var spans = layer.Tokens;
        for (var i = 0; i < spans.Length; i++)
        {
            var span = spans[i];
            switch (span.Kind)
            {
                case TokenKind.Word when span.IsReduplication || char.IsAsciiDigit(text[span.Start]):
                    if (span.IsReduplication && !IsCalendarName(text.AsSpan(span.Start, ReduplicationHalf(text, span))))
                    {
                        AddWord(layer, i, tokens);
                        break;
                    }
                    AddParts(layer, i, tokens);
                    break;
                case TokenKind.Word:
                    AddWord(layer, i, tokens);
                    break;
                case TokenKind.Number:
                    AddParts(layer, i, tokens);
                    break;
                case TokenKind.Punctuation when span.Length == 1:
                    tokens.Add(new TemporalToken(span.Start, 1, layer.Word(i), layer.Word(i), TemporalTokenKind.Punctuation));
                    break;
                default:
                    // Runs of dots, symbols, URLs, e-mail addresses, hashtags: nothing the grammar reads, kept as one punctuation token
                    // per char for dot runs (a sentence end) and as one opaque token otherwise.
                    if (span.Kind == TokenKind.Punctuation)
                    {
                        for (var k = span.Start; k < span.End; k++) tokens.Add(Char(text, k));
                    }
                    else
                    {
                        tokens.Add(new TemporalToken(span.Start, span.Length, layer.Word(i), layer.Lower(i), TemporalTokenKind.Punctuation));
                    }
                    break;
            }
        }
        return tokens;
    }

    /// <summary>A word; a word after a hyphen the layer dropped (<c>Jong-un</c>) joins the word before it unless that is a number or a calendar name.</summary>
    private static void AddWord(TokenizedText layer, int index, List<TemporalToken> tokens)
    {
        var text = layer.Text;
        var span = layer[index];
        if (tokens.Count > 0 && tokens[^1] is var previous && previous.End + 1 == span.Start && IsHyphen(text[previous.End]))
        {
            // A hyphen after a number (1970-an) or a calendar name (Juni-Juli) is a token the grammar reads.
            if (previous.Kind != TemporalTokenKind.Word || IsCalendarName(previous.Lower))
            {
                tokens.Add(Char(text, previous.End));
            }
            else
            {
                var joined = text[previous.Start..span.End];
                tokens[^1] = new TemporalToken(previous.Start, joined.Length, joined, joined.ToLowerInvariant(), TemporalTokenKind.Word);
                return;
            }
        }
        tokens.Add(new TemporalToken(span.Start, span.Length, layer.Word(index), layer.Lower(index), TemporalTokenKind.Word));
    }

    private static void AddParts(TokenizedText layer, int index, List<TemporalToken> tokens)
    {
        var text = layer.Text;
        foreach (var part in layer.Parts(index))
        {
            var surface = text.Substring(part.Start, part.Length);
            var kind = part.Kind switch
            {
                TokenKind.Number => TemporalTokenKind.Number,
                TokenKind.Word => TemporalTokenKind.Word,
                _ => TemporalTokenKind.Punctuation,
            };
            tokens.Add(new TemporalToken(part.Start, part.Length, surface, kind == TemporalTokenKind.Word ? surface.ToLowerInvariant() : surface, kind));
        }
    }

    private static TemporalToken Char(string text, int at)
    {
        var surface = text.Substring(at, 1);
        return new TemporalToken(at, 1, surface, surface, TemporalTokenKind.Punctuation);
    }

    private static int ReduplicationHalf(string text, TokenSpan span)
    {
        var i = span.Start;
        while (i < span.End && !IsHyphen(text[i])) i++;
        return i - span.Start;
    }

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsCalendarName(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 32)];
        if (word.Length > lower.Length) return false;
        word.ToLowerInvariant(lower);
        return TemporalLexicon.Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(lower)
            || TemporalLexicon.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(lower);
    }

    private static bool IsCalendarName(string lower) =>
        TemporalLexicon.Months.ContainsKey(lower) || TemporalLexicon.Weekdays.ContainsKey(lower);
}
