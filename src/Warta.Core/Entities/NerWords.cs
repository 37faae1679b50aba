using Warta.Text;

namespace Warta.Core.Entities;

/// <summary>The tokens the entity tagger reads, taken from the shared token layer: the units its training data uses.</summary>
/// <remarks>
/// The layer drops a hyphen inside a compound (<c>Jong-un</c> → <c>Jong</c>, <c>un</c>) so that clustering matches
/// <c>Jong Un</c>, and keeps it, like a dot or a slash, as a token of its own between a word and a number or between words
/// (<c>COVID-19</c>, <c>Kabarnusa.id</c>); the NER training sets keep such compounds as one token (an outlet's domain name
/// is one organisation), so they are joined back here. A run of dots
/// (<c>...</c>) is one char per token, as the tagger ends a sentence at <c>.</c>. Words and lower-case forms are the layer's
/// own strings, so nothing is copied for an ordinary token.
/// </remarks>
internal sealed class NerWords
{
    private NerWords(int capacity)
    {
        Spans = new (int Start, int Length)[capacity];
        Words = new string[capacity];
        Lower = new string[capacity];
    }

    public (int Start, int Length)[] Spans { get; }

    public string[] Words { get; }

    public string[] Lower { get; }

    public int Count { get; private set; }

    public static NerWords Of(TokenizedText layer)
    {
        var text = layer.Text;
        var spans = layer.Tokens;
        var extra = 0;
        foreach (var span in spans)
        {
            if (span.Kind == TokenKind.Punctuation && span.Length > 1) extra += span.Length - 1;
        }
        var words = new NerWords(spans.Length + extra);
        for (var i = 0; i < spans.Length; i++)
        {
            var span = spans[i];
            var n = words.Count;
            if (span.Kind == TokenKind.Punctuation && span.Length > 1)
            {
                for (var k = span.Start; k < span.End; k++)
                {
                    var c = text.Substring(k, 1);
                    words.Add(k, 1, c, c);
                }
                continue;
            }
            if (span.Kind is TokenKind.Word or TokenKind.Number && span.Start >= 2 && IsJoiner(text[span.Start - 1])
                && char.IsLetterOrDigit(text[span.Start - 2]) && n > 0)
            {
                // The hyphen was dropped by the layer (Jong-un), or the joiner is a token of its own (COVID-19, Kabarnusa.id).
                var joinedFrom = words.Spans[n - 1].Start + words.Spans[n - 1].Length == span.Start - 1 && IsHyphen(text[span.Start - 1]) ? n - 1
                    : n > 1 && words.Spans[n - 1].Start == span.Start - 1 ? n - 2 : -1;
                if (joinedFrom >= 0 && words.Spans[joinedFrom].Start + words.Spans[joinedFrom].Length == span.Start - 1)
                {
                    var from = words.Spans[joinedFrom].Start;
                    var joined = text[from..span.End];
                    words.Count = joinedFrom;
                    words.Add(from, joined.Length, joined, joined.ToLowerInvariant());
                    continue;
                }
            }
            words.Add(span.Start, span.Length, layer.Word(i), layer.Lower(i));
        }
        return words;
    }

    private void Add(int start, int length, string word, string lower)
    {
        Spans[Count] = (start, length);
        Words[Count] = word;
        Lower[Count] = lower;
        Count++;
    }

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsJoiner(char c) => IsHyphen(c) || c is '.' or '/' or '\'' or '’';
}
