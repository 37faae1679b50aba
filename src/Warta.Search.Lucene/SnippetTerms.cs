using Warta.Core.Search;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The terms a hit's snippet is marked from: those <see cref="AnalyzedTerms.Of(Warta.Text.ITextAnalyzer, string, string)"/> gives its text, except that a word
/// which cannot stem to any searched term keeps its place under a term nothing is searched for, unanalysed.</summary>
/// <remarks>
/// The highlighter only asks of each term whether it is searched for, and cuts fragments by the offsets of the terms it is
/// given; so the same offsets, with the same stopwords left out, give the same snippet. Analysing every word of ten bodies
/// per page sent each new name through the stemmer (hunspell) and the word cache: most of a search's allocation, whose
/// collections landed in the next searches (`warta bench search`: pauses of 10–16 ms in queries of 2–8 ms).
/// <para>Why a word can be told apart without stemming it: a stem keeps the inside of its word (Indonesian affixes come
/// off the ends, meN-/peN- give back one first letter; English suffix rules change the last letters), so a stem without its
/// first and last letter is a substring of the lower-cased word. Only words of ASCII letters are judged so (their normal
/// form is their lower case); every other token, and every word that holds such a core, is analysed as in the index.</para>
/// </remarks>
internal static class SnippetTerms
{
    /// <summary>The term given to a word that matches nothing searched: no analysis yields a control character.</summary>
    public const string Unsearched = "\u0001";

    /// <param name="analyzer">The process's text analysis.</param>
    /// <param name="text">The hit's body or title.</param>
    /// <param name="bucket">Its analysis bucket.</param>
    /// <param name="searched">The terms of the field the query searches (stems).</param>
    public static List<IndexedTerm> Of(ITextAnalyzer analyzer, string text, string bucket, IReadOnlyCollection<string> searched)
    {
        var cores = new List<string>(searched.Count);
        foreach (var term in searched)
        {
            // A stem of one or two letters has no inside to look for: every word may match it.
            if (term.Length <= 2) return AnalyzedTerms.Of(analyzer, text, bucket);
            cores.Add(term[1..^1]);
        }
        var tokens = Tokenizer.Tokenize(text);
        var keep = tokens.Count <= 1024 ? stackalloc bool[tokens.Count] : new bool[tokens.Count];
        Span<char> lower = stackalloc char[64];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var surface = tokens.Surface(i);
            keep[i] = token.Kind != TokenKind.Word || surface.Length > lower.Length || !IsAsciiLetters(surface)
                || Holds(Lowered(surface, lower), cores);
        }
        var analyzed = analyzer.Analyze(tokens.Only(keep), IndexFields.AnalysisLanguage(bucket)).Tokens;
        var language = IndexFields.AnalysisLanguage(bucket);
        var terms = new List<IndexedTerm>(tokens.Count);
        var increment = 1;
        var next = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                if (keep[i]) next++;
                continue;
            }
            if (!keep[i])
            {
                // As the word cache would tell: an ASCII word's normal form is its lower case.
                if (Stopwords.Contains(language, Lowered(tokens.Surface(i), lower)))
                {
                    increment++;
                    continue;
                }
                terms.Add(new IndexedTerm(Unsearched, token.Start, token.Start + token.Length, increment));
                increment = 1;
                continue;
            }
            var word = analyzed[next++];
            if (word.IsStopword)
            {
                increment++;
                continue;
            }
            if (word.Stem.Length == 0) continue;
            terms.Add(new IndexedTerm(word.Stem, word.Start, word.End, increment, word.Normal));
            increment = 1;
        }
        return terms;
    }

    private static ReadOnlySpan<char> Lowered(ReadOnlySpan<char> surface, Span<char> buffer)
    {
        var written = surface.ToLowerInvariant(buffer);
        return buffer[..written];
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c)) return false;
        }
        return true;
    }

    private static bool Holds(ReadOnlySpan<char> word, List<string> cores)
    {
        foreach (var core in cores)
        {
            if (word.Contains(core, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
