using Warta.Core.Extraction.Quantities;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Evaluation.Stories;

/// <summary>A check of a citation made apart from the brief builder's own matching: an article states a sentence when one of its
/// sentences holds at least half of the sentence's lower-case content words (stopwords left out, not stemmed).</summary>
public static class CitationCheck
{
    /// <summary>Whether <paramref name="article"/> states <paramref name="sentence"/>.</summary>
    public static bool States(Article article, string sentence)
    {
        ArgumentNullException.ThrowIfNull(article);
        var wanted = Words(sentence);
        if (wanted.Count == 0) return false;
        var body = article.Body;
        foreach (var span in SentenceSplitter.Split(Tokenizer.Tokenize(body)))
        {
            var words = Words(body.Substring(span.Start, span.Length));
            if (wanted.Count(words.Contains) * 2 >= wanted.Count) return true;
        }
        return false;
    }

    private static HashSet<string> Words(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            var lower = tokens.Lower(i);
            if (!Stopwords.Contains("id", lower)) words.Add(lower);
        }
        return words;
    }
}
