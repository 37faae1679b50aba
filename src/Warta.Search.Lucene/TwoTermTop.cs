using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Warta.Search.Lucene;

/// <summary>The top hits of one word in two fields (a title term or a body term: a common word's query), without scoring the
/// documents that cannot reach them: MaxScore (Turtle and Flood 1995) for two BM25 terms.</summary>
/// <remarks>
/// A BM25 term scores below its weight times (k1 + 1) however often it occurs, so once the kept hits' worst score is above
/// that bound for the lower-bounded term (the body's, for a word weighed twice in titles and rarer there), a document
/// matching that term alone cannot be kept: it is counted but not scored, and its postings are skipped over while the
/// other term's documents lead. `tahun` in a million generated articles: 524,694 matches, of which only the title's are
/// scored. The hits, their order, scores and total are those of Lucene's disjunction (tested against it): each term is
/// scored by Lucene's own BM25 scorer with the weight Lucene's boolean query gives it, and the two scores are summed in
/// double precision as its disjunction sums them.
/// <para>Counting without visiting needs each term's document count in the segment, which holds only without deletions:
/// a segment with deletions is scored by Lucene's scorer, as are queries of any other shape.</para>
/// </remarks>
internal sealed class TwoTermTop
{
    private readonly Term[] _terms;
    private readonly Similarity.SimWeight[] _weights;
    private readonly double[] _bounds;
    private readonly TermContext[] _contexts;
    private readonly Similarity _similarity;

    private TwoTermTop(Term[] terms, Similarity.SimWeight[] weights, double[] bounds, TermContext[] contexts, Similarity similarity)
    {
        _terms = terms;
        _weights = weights;
        _bounds = bounds;
        _contexts = contexts;
        _similarity = similarity;
    }

    /// <summary>The plan for <paramref name="query"/> (rewritten) when it is a disjunction of two term queries scored by
    /// BM25 with no minimum to match; null for any other query.</summary>
    public static TwoTermTop? For(IndexSearcher searcher, Query query)
    {
        if (query is not BooleanQuery { MinimumNumberShouldMatch: 0, Clauses.Count: 2 } boolean || searcher.Similarity is not BM25Similarity bm25) return null;
        var terms = new Term[2];
        var boosts = new float[2];
        for (var i = 0; i < 2; i++)
        {
            if (boolean.Clauses[i] is not { Occur: Occur.SHOULD, Query: TermQuery term }) return null;
            terms[i] = term.Term;
            boosts[i] = term.Boost;
        }
        if (terms[0].Equals(terms[1])) return null;
        var weights = new Similarity.SimWeight[2];
        var bounds = new double[2];
        var contexts = new TermContext[2];
        for (var i = 0; i < 2; i++)
        {
            // As Lucene's TermWeight inside a BooleanWeight: statistics from the whole index, the clause's boost as the query
            // boost, the boolean query's as the top-level boost (BM25 ignores the query norm).
            var clause = (TermQuery)boolean.Clauses[i].Query;
            contexts[i] = clause is LuceneQueryBuilder.KnownTermQuery known && ReferenceEquals(known.Context.TopReaderContext, searcher.TopReaderContext)
                ? known.Context
                : TermContext.Build(searcher.TopReaderContext, terms[i]);
            var collection = searcher.CollectionStatistics(terms[i].Field);
            var statistics = searcher.TermStatistics(terms[i], contexts[i]);
            weights[i] = bm25.ComputeWeight(boosts[i], collection, statistics);
            weights[i].Normalize(1f, boolean.Boost);
            // BM25's score of a term is weight · (k1 + 1) · f / (f + norm) with norm > 0: below weight · (k1 + 1). The
            // margin covers the float rounding of that product and quotient.
            var idf = bm25.IdfExplain(collection, statistics).Value;
            bounds[i] = (double)(idf * (boosts[i] * boolean.Boost)) * (bm25.K1 + 1) * (1 + 1e-5);
        }
        // The lower bound first: that term is the one whose lone documents stop being scored.
        if (bounds[1] < bounds[0])
        {
            (terms[0], terms[1]) = (terms[1], terms[0]);
            (weights[0], weights[1]) = (weights[1], weights[0]);
            (bounds[0], bounds[1]) = (bounds[1], bounds[0]);
            (contexts[0], contexts[1]) = (contexts[1], contexts[0]);
        }
        return new TwoTermTop(terms, weights, bounds, contexts, bm25);
    }

    /// <summary>True when this plan can score <paramref name="leaf"/> (no deletions): otherwise Lucene's scorer must.</summary>
    public static bool Scores(AtomicReaderContext leaf) => !leaf.AtomicReader.HasDeletions;

    /// <summary>Collects every match of the segment into <paramref name="collector"/> (whose reader must be set to it).</summary>
    public void Collect(AtomicReaderContext leaf, RelevanceCollector collector)
    {
        var low = Postings(leaf, 0, out var lowCount);
        var high = Postings(leaf, 1, out _);
        var lowScorer = low is null ? null : _similarity.GetSimScorer(_weights[0], leaf);
        var highScorer = high is null ? null : _similarity.GetSimScorer(_weights[1], leaf);
        var lowDoc = low?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS;
        var highDoc = high?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS;
        var lowBound = _bounds[0];
        var lowSeen = 0;

        // Both terms lead while a document of the low term alone could still be kept.
        while (!(collector.Threshold > lowBound))
        {
            var doc = Math.Min(lowDoc, highDoc);
            if (doc == DocIdSetIterator.NO_MORE_DOCS) return;
            double score = 0;
            if (lowDoc == doc)
            {
                score += lowScorer!.Score(doc, low!.Freq);
                lowSeen++;
                lowDoc = low.NextDoc();
            }
            if (highDoc == doc)
            {
                score += highScorer!.Score(doc, high!.Freq);
                highDoc = high.NextDoc();
            }
            collector.Collect(doc, (float)score);
        }

        // The high term leads; the low term is only looked up where it does, and its other documents are counted.
        var shared = 0;
        while (highDoc != DocIdSetIterator.NO_MORE_DOCS)
        {
            double score = highScorer!.Score(highDoc, high!.Freq);
            if (lowDoc < highDoc) lowDoc = low!.Advance(highDoc);
            if (lowDoc == highDoc)
            {
                shared++;
                score += lowScorer!.Score(highDoc, low!.Freq);
            }
            collector.Collect(highDoc, (float)score);
            highDoc = high.NextDoc();
        }
        collector.AddHits(lowCount - lowSeen - shared);
    }

    /// <summary>Term <paramref name="i"/>'s postings in the segment with their frequencies, and its document count there; null when absent.</summary>
    private DocsEnum? Postings(AtomicReaderContext leaf, int i, out int count)
    {
        count = 0;
        var state = _contexts[i].Get(leaf.Ord);
        if (state is null) return null;
        var terms = leaf.AtomicReader.GetTerms(_terms[i].Field)?.GetEnumerator();
        if (terms is null) return null;
        terms.SeekExact(_terms[i].Bytes, state);
        count = terms.DocFreq;
        return terms.Docs(null, null, DocsFlags.FREQS);
    }
}
