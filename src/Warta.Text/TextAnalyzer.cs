using System.Collections.Concurrent;

namespace Warta.Text;

/// <summary>Normalises, flags stopwords and stems the tokens of a text per language (<c>id</c>, <c>en</c>; other languages are normalised only); thread-safe.</summary>
/// <remarks>
/// Each distinct surface form of a language is normalised and stemmed once and remembered (bounded, the forms in use kept), so the hot
/// path for a known word is one span lookup and no string allocation.
/// </remarks>
public sealed class TextAnalyzer : ITextAnalyzer
{
    /// <summary>Word forms cached per language, in each of the cache's two generations (<see cref="RecentWordCache{TValue}"/>).</summary>
    /// <remarks>About 190 bytes a form: at 200,000 the cache alone grew the heap by ~35 MB over a long stream with new names
    /// every day. 25,000 a generation sat just under the vocabulary of `warta bench search` (28,000 words and its names),
    /// whose tail then went through the stemmer at every turn; 50,000, with the stemmer's hunspell cache at 100,000, indexed
    /// a median 9 % more articles per CPU second (<see cref="IndonesianStemmer"/>), for at most ~10 MB more here.</remarks>
    private const int WordCacheLimit = 50_000;

    /// <summary>Forms of the other kinds cached per generation: numbers are most of them, and a new one comes with almost every article.</summary>
    private const int OtherCacheLimit = 2_500;

    private readonly IndonesianStemmer _indonesian;
    private readonly ConcurrentDictionary<string, WordCache> _caches = new(StringComparer.Ordinal);

    /// <param name="indonesian">Stemmer for <c>id</c>; <see cref="HunspellLoader.LoadIndonesianStemmer"/> gives the usual one.</param>
    public TextAnalyzer(IndonesianStemmer indonesian)
    {
        ArgumentNullException.ThrowIfNull(indonesian);
        _indonesian = indonesian;
    }

    /// <summary>The Indonesian stemmer in use (its <see cref="IndonesianStemmer.Warning"/> tells when it runs without a dictionary).</summary>
    public IndonesianStemmer IndonesianStemmer => _indonesian;

    public AnalyzedText Analyze(TokenizedText tokens, string language)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(language);
        var analyzed = new Token[tokens.Count];
        AnalyzeInto(tokens, language, analyzed);
        return new AnalyzedText(tokens.Text, language, analyzed);
    }

    public void AnalyzeInto(TokenizedText tokens, string language, Span<Token> into)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(language);
        var cache = _caches.GetOrAdd(language, static (code, self) => new WordCache(code, self), this);
        var text = tokens.Text;
        var i = 0;
        foreach (var span in tokens.Tokens)
        {
            var entry = cache.Get(text.AsSpan(span.Start, span.Length), span.Kind);
            into[i++] = new Token(span.Start, span.Length, entry.Normal, entry.Stem, span.Kind, entry.IsStopword);
        }
    }

    private string StemOf(string language, string normal, TokenKind kind)
    {
        if (kind != TokenKind.Word) return normal;
        return language switch
        {
            "id" => _indonesian.Stem(normal),
            "en" => EnglishStemmer.Stem(normal),
            _ => normal,
        };
    }

    private readonly record struct WordEntry(string Normal, string Stem, bool IsStopword);

    /// <summary>Surface form → analysis for one language, keyed by the exact characters and token kind.</summary>
    /// <remarks>One cache per kind, so the numbers of a news stream (nearly all new) do not push its words out; a form is kept
    /// from its second sight on, so one-off names do not either (the stemmer's own cache holds it in between).</remarks>
    private sealed class WordCache(string language, TextAnalyzer owner)
    {
        private readonly RecentWordCache<WordEntry>[] _byKind =
            [.. Enum.GetValues<TokenKind>().Select(static kind => new RecentWordCache<WordEntry>(kind == TokenKind.Word ? WordCacheLimit : OtherCacheLimit, admitOnSecondSight: true))];

        public WordEntry Get(ReadOnlySpan<char> surface, TokenKind kind)
        {
            var cache = _byKind[(int)kind];
            if (cache.TryGet(surface, out var entry)) return entry;

            var normal = TextNormalizer.Normalize(surface);
            var stem = owner.StemOf(language, normal, kind);
            entry = new WordEntry(normal, stem, kind == TokenKind.Word && Stopwords.Contains(language, normal));
            cache.Add(surface, entry);
            return entry;
        }
    }
}
