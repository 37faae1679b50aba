using Lucene.Net.Tartarus.Snowball.Ext;

namespace Warta.Text;

/// <summary>Porter's English stemmer (Lucene.Net's Snowball port), safe for concurrent use.</summary>
public static class EnglishStemmer
{
    // Lucene's stemmer keeps per-call state and holds no configuration: one per thread.
    [ThreadStatic]
    private static PorterStemmer? _stemmer;

    /// <summary>The stem of a lower-case English word; never longer than the word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3) return word;
        var stemmer = (_stemmer ??= new PorterStemmer());
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        return stem.Length == 0 || stem.Length > word.Length ? word : stem;
    }
}
