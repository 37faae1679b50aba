using Warta.Core.Extraction.Quantities;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Evaluation.Search;

/// <summary>The query of the relevance evaluation: an article's first sentence, its words joined by <c>OR</c>.</summary>
/// <remarks>Typed as free text, a sentence would ask for all its words (the search syntax ANDs words), and no other article
/// holds all of them; so both indexes get every distinct word as one <c>OR</c> group, as a user would type
/// <c>hujan OR deras OR …</c>, and rank by how well an article matches them.</remarks>
public static class FirstSentenceQuery
{
    /// <summary>The first sentence of the body (as <see cref="SentenceSplitter"/> cuts it); the title when the body is empty.</summary>
    public static string FirstSentence(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = article.Body;
        var sentences = SentenceSplitter.Split(Tokenizer.Tokenize(body));
        return sentences.Count == 0 ? article.Title : body.Substring(sentences[0].Start, sentences[0].Length);
    }

    /// <summary>The distinct words of <paramref name="sentence"/> (split at white space, outer punctuation trimmed, compared
    /// ignoring case) as one group of alternatives; null when it has no word.</summary>
    public static SearchQuery? For(string sentence, int limit)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var terms = new List<SearchTerm>();
        foreach (var part in sentence.Split((char[])[' ', '\t', '\n', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = part.AsSpan().Trim("\"“”‘’'()[]{},.;:!?—–-").ToString();
            if (word.Length == 0 || !word.Any(char.IsLetterOrDigit) || !seen.Add(word)) continue;
            terms.Add(new SearchTerm(word, IsPhrase: false));
        }
        return terms.Count == 0 ? null : new SearchQuery { Required = [new SearchAlternatives(terms)], Limit = limit, Snippets = false };
    }
}
