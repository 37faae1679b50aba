using Warta.Text;

namespace Warta.Core.Extraction.Quantities;

/// <summary>Splits a tokenised text into sentences on its token layer: at a paragraph break, or after <c>.</c>, <c>!</c> or <c>?</c> (with the closing quote or bracket that follows) when the next token opens a sentence.</summary>
/// <remarks>
/// Numbers keep their dots (<c>3.000</c>, <c>21.30</c> are one token), so a dot token is a sentence end unless it closes a
/// title or an initial (<c>dr.</c>, <c>PT.</c>, <c>H.</c>) or the next word is lower case. Quantities, the timeline and the
/// brief all index sentences this way, so a sentence index means the same thing in each.
/// </remarks>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "dr", "drs", "ir", "prof", "pt", "cv", "tbk", "no", "jl", "kab", "kec", "kel", "h", "hj", "st", "sdr", "tn", "ny", "mr", "mrs", "ms", "dll", "dsb", "vs", "bpk", "ibu",
    };

    /// <summary>The sentences of <paramref name="text"/>, in order; empty for a text without tokens.</summary>
    public static IReadOnlyList<BodySentence> Split(TokenizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<BodySentence>();
        var count = text.Count;
        var first = 0;
        for (var i = 0; i < count; i++)
        {
            var end = i + 1;
            var breaks = false;
            if (end < count && HasParagraphBreak(text.Text, text[i].End, text[end].Start))
            {
                breaks = true;
            }
            else if (IsTerminator(text, i))
            {
                // The closing quote or bracket belongs to the sentence it closes.
                while (end < count && IsCloser(text, end) && text[end].Start == text[end - 1].End) end++;
                breaks = end >= count || (OpensSentence(text, end) && !IsAbbreviation(text, i));
                if (breaks) i = end - 1;
            }
            if (!breaks && end < count) continue;
            if (end > count) end = count;
            var start = text[first].Start;
            sentences.Add(new BodySentence(sentences.Count, start, text[end - 1].End - start, first, end - first));
            first = end;
            i = end - 1;
        }
        return sentences;
    }

    /// <summary>The sentence holding char offset <paramref name="offset"/>, or -1 when it lies outside every sentence.</summary>
    public static int SentenceAt(IReadOnlyList<BodySentence> sentences, int offset)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        int low = 0, high = sentences.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var sentence = sentences[mid];
            if (offset < sentence.Start) high = mid - 1;
            else if (offset >= sentence.End) low = mid + 1;
            else return mid;
        }
        // Between two sentences (whitespace): the one before.
        return high >= 0 && high < sentences.Count ? high : -1;
    }

    private static bool HasParagraphBreak(string text, int from, int to)
    {
        var lines = 0;
        for (var k = from; k < to; k++)
        {
            if (text[k] == '\n' && ++lines >= 1) return true;
        }
        return false;
    }

    private static bool IsTerminator(TokenizedText text, int i)
    {
        if (text[i].Kind != TokenKind.Punctuation) return false;
        var surface = text.Surface(i);
        return surface is "." or "!" or "?" or "...";
    }

    private static bool IsCloser(TokenizedText text, int i) =>
        text[i].Kind == TokenKind.Punctuation && text.Surface(i) is "\"" or "”" or "’" or "'" or ")";

    private static bool OpensSentence(TokenizedText text, int i)
    {
        var surface = text.Surface(i);
        if (surface.IsEmpty) return false;
        var c = surface[0];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '(' or '\'';
    }

    /// <summary>A dot right after a title or a single capital (an initial) does not end the sentence.</summary>
    private static bool IsAbbreviation(TokenizedText text, int dot)
    {
        if (dot == 0 || text.Surface(dot) is not ".") return false;
        var previous = dot - 1;
        if (text[previous].End != text[dot].Start || text[previous].Kind != TokenKind.Word) return false;
        var word = text.Surface(previous);
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        return Abbreviations.Contains(text.Lower(previous));
    }
}
