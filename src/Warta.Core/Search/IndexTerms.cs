using System.Buffers;
using Warta.Text;

namespace Warta.Core.Search;

/// <summary>The terms Warta's analysis gives a title, body or query term, as a full-text index stores and looks them up:
/// stems, stopwords and punctuation left out, stopwords still counted in positions.</summary>
/// <remarks>The rule both the Lucene index (through <c>Warta.Search.Lucene.AnalyzedTerms</c>) and the PostgreSQL search
/// use, so an index on a server store finds what the embedded one finds. Each text is analysed in the bucket of its language: Indonesian, English,
/// or everything else normalised and not stemmed.</remarks>
public static class IndexTerms
{
    /// <summary>The analysis buckets: Indonesian, English and everything else.</summary>
    public static IReadOnlyList<string> Buckets { get; } = ["id", "en", "und"];

    /// <summary>The bucket an article of <paramref name="language"/> is analysed in.</summary>
    public static string BucketOf(string language) => language is "id" or "en" ? language : "und";

    /// <param name="analyzer">The process's text analysis (the one the placer clusters with).</param>
    /// <param name="text">A title, body or query term.</param>
    /// <param name="bucket">One of <see cref="Buckets"/>.</param>
    public static List<IndexedTerm> Of(ITextAnalyzer analyzer, string text, string bucket) => Of(analyzer, text, bucket, []);

    /// <summary>The same terms, into <paramref name="terms"/> (emptied first): an indexer reuses one list per field and thread.</summary>
    public static List<IndexedTerm> Of(ITextAnalyzer analyzer, string text, string bucket, List<IndexedTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var tokens = Tokenizer.Tokenize(text);
        // The analysed tokens are read once, here: into a pooled array (a new one per text was 7 % of the bytes `warta bench
        // search` allocated while indexing).
        var analyzed = ArrayPool<Token>.Shared.Rent(tokens.Count);
        analyzer.AnalyzeInto(tokens, bucket, analyzed);
        terms.Clear();
        terms.EnsureCapacity(tokens.Count);
        var increment = 1;
        foreach (var token in analyzed.AsSpan(0, tokens.Count))
        {
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol) continue;
            if (token.IsStopword)
            {
                increment++;
                continue;
            }
            if (token.Stem.Length == 0) continue;
            terms.Add(new IndexedTerm(token.Stem, token.Start, token.End, increment, token.Normal));
            increment = 1;
        }
        ArrayPool<Token>.Shared.Return(analyzed);
        return terms;
    }
}
