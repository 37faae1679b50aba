using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Warta.Search.Lucene;

/// <summary>The one scoring model of the index, given to its writer and to every searcher over it.</summary>
internal static class IndexScoring
{
    /// <summary>BM25 (k1 1.5, b 0.75; Robertson and Zaragoza 2009).</summary>
    /// <remarks>k1 chosen once for every relevance set of <c>warta eval search</c> (with the word-form fields): 1.5 against
    /// Lucene's default 1.2 took the Kompas threads from 0.945 to 0.958 MRR and left ECB+ (0.926 to 0.925) and the hard cases
    /// (0.963) where they were; 2.0 lost 0.008 on the hard cases, b 0.9 or 0.4 lost elsewhere (README, search relevance).
    /// Lucene writes BM25's length norms as it writes its TF-IDF ones (boost / √length in one byte), so an index
    /// written while the TF-IDF default scored reads correctly with BM25.</remarks>
    public static Similarity Similarity { get; } = new BM25Similarity(k1: 1.5f, b: 0.75f);

    /// <summary>Makes each searcher a <see cref="SearcherManager"/> opens score with <see cref="Similarity"/>.</summary>
    public static SearcherFactory Searchers { get; } = new ScoringSearcherFactory();

    private sealed class ScoringSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
