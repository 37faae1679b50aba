using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Warta.Search.Lucene;

/// <summary>The one scoring model of the index, given to its writer and to every searcher over it.</summary>
internal static class IndexScoring
{
    /// <summary>BM25 (k1 1.2, b 0.75; Robertson and Zaragoza 2009).</summary>
    /// <remarks>Lucene writes BM25's length norms as it writes its TF-IDF ones (boost / √length in one byte), so an index
    /// written while the TF-IDF default scored reads correctly with BM25.</remarks>
    public static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>Makes each searcher a <see cref="SearcherManager"/> opens score with <see cref="Similarity"/>.</summary>
    public static SearcherFactory Searchers { get; } = new ScoringSearcherFactory();

    private sealed class ScoringSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
