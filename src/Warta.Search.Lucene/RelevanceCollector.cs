using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Warta.Search.Lucene;

/// <summary>The top hits by relevance, newer first among equal scores, then lower document number: the order of
/// Lucene's field sort on (score, time descending), collected with less work per matching document.</summary>
/// <remarks>A common word matches hundreds of thousands of articles, every one of which is collected: the field sort's
/// collector asks two comparators through virtual calls for each (and scores the competitive ones twice). Here a match
/// costs one score and one comparison with the worst kept hit; the time is read only to break a tie or for a hit kept.
/// Documents come in order, from every query: a disjunction allowed out of order is scored by Lucene's bucketed
/// <c>BooleanScorer</c>, which allocates a table of 2,048 buckets per segment per query, a quarter of the bytes a
/// <c>warta bench search</c> query allocated; at a million articles the collections they caused lengthened the slowest
/// common words by several milliseconds (README, search). A boolean query with a required clause asked for out of order
/// also builds every clause's scorer twice (Lucene.Net 4.8's <c>BooleanWeight.GetBulkScorer</c>).</remarks>
internal sealed class RelevanceCollector : ICollector
{
    private readonly Entry[] _heap;
    private int _count;
    private Scorer? _scorer;
    private NumericDocValues? _times;
    private int _docBase;

    /// <param name="size">Hits to keep (offset and page together).</param>
    public RelevanceCollector(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _heap = new Entry[size];
    }

    /// <summary>Every document collected.</summary>
    public int TotalHits { get; private set; }

    /// <summary>Documents scored and offered (the others were counted only, <see cref="AddHits"/>).</summary>
    internal int Scored { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _times = context.AtomicReader.GetNumericDocValues(IndexFields.TimeValues);
        _docBase = context.DocBase;
    }

    public void Collect(int doc) => Collect(doc, _scorer!.GetScore());

    /// <summary>The score a document must beat to be kept (ties broken by time, then document): negative infinity until
    /// the hits to keep are found.</summary>
    internal float Threshold => _count < _heap.Length ? float.NegativeInfinity : _heap[0].Score;

    /// <summary>Collects document <paramref name="doc"/> of the current segment with its score, computed by the caller.</summary>
    internal void Collect(int doc, float score)
    {
        TotalHits++;
        Scored++;
        var global = _docBase + doc;
        if (_count < _heap.Length)
        {
            _heap[_count] = new Entry(score, Time(doc), global);
            SiftUp(_count++);
            return;
        }
        ref var worst = ref _heap[0];
        // Not better than the worst kept hit: most matches of a common word end here, without reading their time.
        if (!(score >= worst.Score)) return;
        var time = Time(doc);
        if (score == worst.Score && (time < worst.Time || (time == worst.Time && global > worst.Doc))) return;
        worst = new Entry(score, time, global);
        SiftDown(0);
    }

    /// <summary>Counts <paramref name="count"/> matches known not to be kept, without collecting them.</summary>
    internal void AddHits(int count) => TotalHits += count;

    /// <summary>The top <paramref name="size"/> hits of <paramref name="query"/> (rewritten), its documents cut into
    /// <paramref name="slices"/> ranges of document numbers of even size, scored side by side, each with its own collector:
    /// the same hits, in the same order, with the same scores, as one collector over the whole index.</summary>
    /// <remarks>The segment a cut falls in is scored from the cut on by the scorer Lucene would drive over the whole
    /// segment, so the ranges stay even however the merges have sized the segments. The weight is shared: a Lucene weight
    /// is built once and only read by the threads scoring it.</remarks>
    public static TopDocs Search(IndexSearcher searcher, Query query, Filter? filter, int size, int slices)
    {
        // One word in title and body: whole segments per thread, each scored only where its hits can be (DisjunctionTop).
        var plan = filter is null ? DisjunctionTop.For(searcher, query) : null;
        // Lucene's weight looks every term up in every segment again: only made when a segment needs Lucene's scorer.
        var weight = new Lazy<Weight>(() => searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter)), LazyThreadSafetyMode.ExecutionAndPublication);
        var pieces = plan is null ? ByRange(searcher.IndexReader.Leaves, searcher.IndexReader.MaxDoc, slices) : BySegment(searcher.IndexReader.Leaves, slices);
        var collectors = new RelevanceCollector[pieces.Count];
        Parallel.For(0, pieces.Count, new ParallelOptions { MaxDegreeOfParallelism = pieces.Count }, i =>
        {
            var collector = new RelevanceCollector(size);
            foreach (var (leaf, from, to) in pieces[i])
            {
                if (plan is not null && DisjunctionTop.Scores(leaf))
                {
                    collector.SetNextReader(leaf);
                    plan.Collect(leaf, collector);
                }
                else
                {
                    collector.Score(weight.Value, leaf, from, to);
                }
            }
            collectors[i] = collector;
        });
        var kept = collectors.SelectMany(static c => c._heap.Take(c._count)).ToArray();
        Array.Sort(kept, static (a, b) => Worse(a, b) ? 1 : Worse(b, a) ? -1 : 0);
        var docs = kept.Take(size).Select(static e => new ScoreDoc(e.Doc, e.Score)).ToArray();
        return new TopDocs(collectors.Sum(static c => c.TotalHits), docs, docs.Length == 0 ? float.NaN : docs[0].Score);
    }

    /// <summary>The index's documents in <paramref name="slices"/> ranges of about equal size, as pieces of segments.</summary>
    private static List<List<(AtomicReaderContext Leaf, int From, int To)>> ByRange(IList<AtomicReaderContext> leaves, int maxDoc, int slices)
    {
        var pieces = new List<List<(AtomicReaderContext, int, int)>>();
        var per = Math.Max(1, (maxDoc + slices - 1) / slices);
        var current = new List<(AtomicReaderContext, int, int)>();
        var room = per;
        foreach (var leaf in leaves)
        {
            var from = 0;
            var docs = leaf.AtomicReader.MaxDoc;
            while (from < docs)
            {
                var to = Math.Min(docs, from + room);
                current.Add((leaf, from, to));
                room -= to - from;
                from = to;
                if (room == 0)
                {
                    pieces.Add(current);
                    current = [];
                    room = per;
                }
            }
        }
        if (current.Count > 0) pieces.Add(current);
        return pieces;
    }

    /// <summary>Whole segments in <paramref name="slices"/> groups of about equal size (largest first, each to the group
    /// holding the fewest documents so far).</summary>
    private static List<List<(AtomicReaderContext Leaf, int From, int To)>> BySegment(IList<AtomicReaderContext> leaves, int slices)
    {
        var groups = Enumerable.Range(0, Math.Max(1, Math.Min(slices, leaves.Count))).Select(static _ => new List<(AtomicReaderContext, int, int)>()).ToList();
        var sizes = new long[groups.Count];
        foreach (var leaf in leaves.OrderByDescending(static l => l.AtomicReader.MaxDoc))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            groups[smallest].Add((leaf, 0, leaf.AtomicReader.MaxDoc));
            sizes[smallest] += leaf.AtomicReader.MaxDoc;
        }
        return groups;
    }

    /// <summary>Collects the documents <paramref name="from"/> (inclusive) to <paramref name="to"/> of one segment.</summary>
    private void Score(Weight weight, AtomicReaderContext leaf, int from, int to)
    {
        SetNextReader(leaf);
        var live = leaf.AtomicReader.LiveDocs;
        if (from == 0 && to == leaf.AtomicReader.MaxDoc)
        {
            weight.GetBulkScorer(leaf, scoreDocsInOrder: true, live)?.Score(this);
            return;
        }
        if (weight.GetScorer(leaf, live) is not { } scorer) return;
        SetScorer(scorer);
        for (var doc = scorer.Advance(from); doc < to; doc = scorer.NextDoc()) Collect(doc);
    }

    /// <summary>The kept hits, best first.</summary>
    public TopDocs TopDocs()
    {
        var sorted = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(sorted, static (a, b) => Worse(a, b) ? 1 : Worse(b, a) ? -1 : 0);
        var docs = Array.ConvertAll(sorted, static e => new ScoreDoc(e.Doc, e.Score));
        return new TopDocs(TotalHits, docs, docs.Length == 0 ? float.NaN : docs[0].Score);
    }

    private long Time(int doc) => _times?.Get(doc) ?? IndexFields.UndatedTime;

    /// <summary>True when <paramref name="a"/> ranks below <paramref name="b"/>.</summary>
    private static bool Worse(in Entry a, in Entry b) =>
        a.Score < b.Score || (a.Score == b.Score && (a.Time < b.Time || (a.Time == b.Time && a.Doc > b.Doc)));

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Worse(_heap[i], _heap[parent])) return;
            (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= _count) return;
            var worse = left + 1 < _count && Worse(_heap[left + 1], _heap[left]) ? left + 1 : left;
            if (!Worse(_heap[worse], _heap[i])) return;
            (_heap[i], _heap[worse]) = (_heap[worse], _heap[i]);
            i = worse;
        }
    }

    private readonly record struct Entry(float Score, long Time, int Doc);
}
