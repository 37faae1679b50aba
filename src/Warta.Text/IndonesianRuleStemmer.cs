using LuceneIndonesianStemmer = Lucene.Net.Analysis.Id.IndonesianStemmer;

namespace Warta.Text;

/// <summary>Lucene.Net's rule-based Indonesian stemmer (Tala's affix rules, no dictionary), made safe for concurrent use.</summary>
/// <remarks>Measured on UD-CSUI it cuts ordinary roots (berita→ita) and never restores the letter meN-/peN- drop; it is the fallback only.</remarks>
public static class IndonesianRuleStemmer
{
    // Lucene's stemmer keeps per-call state and holds no configuration: one per thread.
    [ThreadStatic]
    private static LuceneIndonesianStemmer? _stemmer;

    /// <summary>The stem of a lower-case word; never longer than the word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0) return word;
        var buffer = word.ToCharArray();
        var length = (_stemmer ??= new LuceneIndonesianStemmer()).Stem(buffer, buffer.Length, stemDerivational: true);
        return length <= 0 || length >= word.Length ? word : new string(buffer, 0, length);
    }
}
