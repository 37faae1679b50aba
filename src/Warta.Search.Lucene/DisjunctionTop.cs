using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Warta.Search.Lucene;

/// <summary>The top hits of a disjunction of BM25 terms (a common word's title and body, in each analysis bucket, with its
/// aliases beside it), without scoring the documents that cannot reach them: MaxScore (Turtle and Flood 1995).</summary>
/// <remarks>
/// A BM25 term scores below its weight times (k1 + 1) however often it occurs. Once the kept hits' worst score is above the
/// sum of those bounds for the lowest-bounded terms (the body's, for a word weighed twice in titles and rarer there), a
/// document matching only those terms cannot be kept: it is counted, not scored, and those terms' postings are skipped over
/// while the others lead. `tahun` in a million generated articles: 524,694 matches, of which only the title's are scored.
/// <para>The hits, their order, scores and total are Lucene's (tested against its disjunction): each term is scored by
/// Lucene's own BM25 scorer with the weight Lucene's boolean queries give it, a nested disjunction's terms are summed in
/// double precision and rounded to a float as its scorer does, and any other clause (a phrase, a word required with its
/// forms optional) is scored by Lucene's scorer for it and always leads.</para>
/// <para>Counting the skipped documents needs each term's document count in the segment, which holds only without
/// deletions: a segment with deletions is scored by Lucene's scorer, as are queries of any other shape.</para>
/// </remarks>
internal sealed class DisjunctionTop
{
    private readonly Part[] _parts;
    private readonly Query[] _others;
    private readonly int _groups;
    private readonly Similarity _similarity;
    private readonly IndexSearcher _searcher;
    private Weight[]? _otherWeights;

    private DisjunctionTop(Part[] parts, Query[] others, int groups, Similarity similarity, IndexSearcher searcher)
    {
        _parts = parts;
        _others = others;
        _groups = groups;
        _similarity = similarity;
        _searcher = searcher;
    }

    /// <summary>The plan for <paramref name="query"/> (rewritten) when it is a disjunction (no minimum to match) holding
    /// terms, directly or in nested disjunctions of terms, scored by BM25; null for any other query.</summary>
    public static DisjunctionTop? For(IndexSearcher searcher, Query query)
    {
        if (query is not BooleanQuery { MinimumNumberShouldMatch: 0 } boolean || searcher.Similarity is not BM25Similarity bm25) return null;
        var parts = new List<Part>();
        var others = new List<Query>();
        var groups = 0;
        // Lucene's BooleanWeight passes its boost down as the top-level boost of its clauses' weights.
        var top = 1f * boolean.Boost;
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Occur != Occur.SHOULD) return null;
            if (clause.Query is TermQuery term)
            {
                parts.Add(Part.Of(searcher, bm25, term, top, groups++));
            }
            else if (clause.Query is BooleanQuery { MinimumNumberShouldMatch: 0 } nested && nested.Clauses.All(static c => c is { Occur: Occur.SHOULD, Query: TermQuery }))
            {
                var inner = top * nested.Boost;
                foreach (var c in nested.Clauses) parts.Add(Part.Of(searcher, bm25, (TermQuery)c.Query, inner, groups));
                groups++;
            }
            else
            {
                // Scored by Lucene's weight made on its own: the same as inside the boolean query only under a boost of 1.
                if (boolean.Boost != 1f) return null;
                others.Add(clause.Query);
            }
        }
        if (parts.Count < 2 || parts.Select(static p => p.Term).Distinct().Count() != parts.Count) return null;
        // The lowest bounds first: those terms' lone documents are the first to stop being scored.
        parts.Sort(static (a, b) => a.Bound.CompareTo(b.Bound));
        return new DisjunctionTop([.. parts], [.. others], groups, bm25, searcher);
    }

    /// <summary>True when this plan can score <paramref name="leaf"/> (no deletions): otherwise Lucene's scorer must.</summary>
    public static bool Scores(AtomicReaderContext leaf) => !leaf.AtomicReader.HasDeletions;

    /// <summary>Collects every match of the segment into <paramref name="collector"/> (whose reader must be set to it).</summary>
    public void Collect(AtomicReaderContext leaf, RelevanceCollector collector)
    {
        var n = _parts.Length;
        var docs = new DocsEnum?[n];
        var scorers = new Similarity.SimScorer?[n];
        var at = new int[n];
        var counts = new int[n];
        var seen = new int[n];
        for (var i = 0; i < n; i++)
        {
            docs[i] = _parts[i].Postings(leaf, DocsFlags.FREQS, out counts[i]);
            scorers[i] = docs[i] is null ? null : _similarity.GetSimScorer(_parts[i].Weight, leaf);
            at[i] = docs[i]?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS;
        }
        var others = OtherScorers(leaf);
        var otherAt = Array.ConvertAll(others, static s => s?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS);
        var groupSums = new double[_groups];
        var groupHit = new bool[_groups];

        // Every term leads while no term's lone documents can be told apart from the kept ones.
        var skipped = 0;
        var last = -1;
        while (true)
        {
            skipped = Skippable(collector.Threshold);
            if (skipped > 0) break;
            var doc = Min(at, 0, otherAt);
            if (doc == DocIdSetIterator.NO_MORE_DOCS) return;
            for (var i = 0; i < n; i++)
            {
                if (at[i] == doc) seen[i]++;
            }
            collector.Collect(doc, (float)Lead(doc, 0, docs, scorers, at, groupSums, groupHit, others, otherAt));
            last = doc;
        }

        // The other terms and clauses lead; the skippable terms are looked up only where they do, and their other
        // documents are counted (after the last document scored so far).
        var skippedDocs = SkippedCount(leaf, skipped, counts, seen, last);
        var shared = 0;
        while (true)
        {
            var doc = Min(at, skipped, otherAt);
            if (doc == DocIdSetIterator.NO_MORE_DOCS) break;
            var anySkipped = false;
            for (var i = 0; i < skipped; i++)
            {
                if (at[i] < doc) at[i] = docs[i]!.Advance(doc);
                if (at[i] != doc) continue;
                anySkipped = true;
                Add(groupSums, groupHit, i, scorers[i]!.Score(doc, docs[i]!.Freq));
            }
            if (anySkipped) shared++;
            collector.Collect(doc, (float)Lead(doc, skipped, docs, scorers, at, groupSums, groupHit, others, otherAt));
        }
        collector.AddHits(skippedDocs - shared);
    }

    /// <summary>Scores <paramref name="doc"/> by the leading terms from <paramref name="from"/> on and the other clauses,
    /// with the group sums already added to (by the skippable terms), and moves each past it.</summary>
    private double Lead(int doc, int from, DocsEnum?[] docs, Similarity.SimScorer?[] scorers, int[] at, double[] groupSums, bool[] groupHit, Scorer?[] others, int[] otherAt)
    {
        for (var i = from; i < at.Length; i++)
        {
            if (at[i] != doc) continue;
            Add(groupSums, groupHit, i, scorers[i]!.Score(doc, docs[i]!.Freq));
            at[i] = docs[i]!.NextDoc();
        }
        var score = Sum(groupSums, groupHit, 0);
        for (var j = 0; j < others.Length; j++)
        {
            if (otherAt[j] != doc) continue;
            score += others[j]!.GetScore();
            otherAt[j] = others[j]!.NextDoc();
        }
        return score;
    }

    /// <summary>How many of the lowest-bounded terms a document can match alone and still not beat <paramref name="threshold"/>.</summary>
    private int Skippable(float threshold)
    {
        double sum = 0;
        var k = 0;
        while (k < _parts.Length && sum + _parts[k].Bound < threshold)
        {
            sum += _parts[k].Bound;
            k++;
        }
        // At least one term must lead.
        return _others.Length == 0 && k == _parts.Length ? k - 1 : k;
    }

    /// <summary>Documents after <paramref name="last"/> holding any of the first <paramref name="skipped"/> terms.</summary>
    private int SkippedCount(AtomicReaderContext leaf, int skipped, int[] counts, int[] seen, int last)
    {
        // One term: its count in the segment, less those already scored.
        if (skipped == 1) return counts[0] - seen[0];
        var iterators = new DocsEnum?[skipped];
        var at = new int[skipped];
        for (var i = 0; i < skipped; i++)
        {
            iterators[i] = _parts[i].Postings(leaf, DocsFlags.NONE, out _);
            at[i] = iterators[i]?.Advance(last + 1) ?? DocIdSetIterator.NO_MORE_DOCS;
        }
        var union = 0;
        while (true)
        {
            var doc = Min(at, 0, []);
            if (doc == DocIdSetIterator.NO_MORE_DOCS) return union;
            union++;
            for (var i = 0; i < skipped; i++)
            {
                if (at[i] == doc) at[i] = iterators[i]!.NextDoc();
            }
        }
    }

    private Scorer?[] OtherScorers(AtomicReaderContext leaf)
    {
        if (_others.Length == 0) return [];
        var weights = _otherWeights ??= Array.ConvertAll(_others, q => _searcher.CreateNormalizedWeight(q));
        return Array.ConvertAll(weights, w => w.GetScorer(leaf, leaf.AtomicReader.LiveDocs));
    }

    private void Add(double[] sums, bool[] hit, int part, float score)
    {
        var group = _parts[part].Group;
        sums[group] += score;
        hit[group] = true;
    }

    /// <summary>Adds each matched group's sum, rounded to a float as a nested disjunction's scorer rounds it, and clears them.</summary>
    private static double Sum(double[] sums, bool[] hit, double score)
    {
        for (var g = 0; g < sums.Length; g++)
        {
            if (!hit[g]) continue;
            score += (float)sums[g];
            sums[g] = 0;
            hit[g] = false;
        }
        return score;
    }

    private static int Min(int[] at, int from, int[] others)
    {
        var min = DocIdSetIterator.NO_MORE_DOCS;
        for (var i = from; i < at.Length; i++) min = Math.Min(min, at[i]);
        foreach (var o in others) min = Math.Min(min, o);
        return min;
    }

    /// <summary>One term of the disjunction, weighed as Lucene weighs it there.</summary>
    private sealed class Part
    {
        public required Term Term { get; init; }
        public required Similarity.SimWeight Weight { get; init; }
        public required double Bound { get; init; }
        public required TermContext Context { get; init; }
        public required int Group { get; init; }

        public static Part Of(IndexSearcher searcher, BM25Similarity bm25, TermQuery query, float topLevelBoost, int group)
        {
            var term = query.Term;
            var context = query is LuceneQueryBuilder.KnownTermQuery known && ReferenceEquals(known.Context.TopReaderContext, searcher.TopReaderContext)
                ? known.Context
                : TermContext.Build(searcher.TopReaderContext, term);
            // As Lucene's TermWeight inside a BooleanWeight: statistics from the whole index, the clause's boost as the query
            // boost, the enclosing queries' boosts as the top-level boost (BM25 ignores the query norm).
            var collection = searcher.CollectionStatistics(term.Field);
            var statistics = searcher.TermStatistics(term, context);
            var weight = bm25.ComputeWeight(query.Boost, collection, statistics);
            weight.Normalize(1f, topLevelBoost);
            // BM25's score of a term is weight · (k1 + 1) · f / (f + norm) with norm > 0: below weight · (k1 + 1). The
            // margin covers the float rounding of that product and quotient.
            var idf = bm25.IdfExplain(collection, statistics).Value;
            var bound = (double)(idf * (query.Boost * topLevelBoost)) * (bm25.K1 + 1) * (1 + 1e-5);
            return new Part { Term = term, Weight = weight, Bound = bound, Context = context, Group = group };
        }

        /// <summary>The term's postings in the segment and its document count there; null when absent.</summary>
        public DocsEnum? Postings(AtomicReaderContext leaf, DocsFlags flags, out int count)
        {
            count = 0;
            var state = Context.Get(leaf.Ord);
            if (state is null) return null;
            var terms = leaf.AtomicReader.GetTerms(Term.Field)?.GetEnumerator();
            if (terms is null) return null;
            terms.SeekExact(Term.Bytes, state);
            count = terms.DocFreq;
            return terms.Docs(null, null, flags);
        }
    }
}
