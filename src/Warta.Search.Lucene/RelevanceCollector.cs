using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Warta.Search.Lucene;

/// <summary>The top hits by relevance, newer first among equal scores, then lower document number: the order of
/// Lucene's field sort on (score, time descending), collected with less work per matching document.</summary>
/// <remarks>A common word matches hundreds of thousands of articles, every one of which is collected: the field sort's
/// collector asks two comparators through virtual calls for each (and scores the competitive ones twice). Here a match
/// costs one score and one comparison with the worst kept hit; the time is read only to break a tie or for a hit kept.
/// Accepts documents out of order only for a query Lucene can score so (a disjunction, by its bucketed <c>BooleanScorer</c>):
/// asked for out of order, a boolean query with a required clause builds every clause's scorer, drops them and builds
/// them again in order (Lucene.Net 4.8's <c>BooleanWeight.GetBulkScorer</c>), which cost a rare word a third more CPU.</remarks>
internal sealed class RelevanceCollector : ICollector
{
    private readonly Entry[] _heap;
    private int _count;
    private Scorer? _scorer;
    private NumericDocValues? _times;
    private int _docBase;

    private readonly bool _outOfOrder;

    /// <param name="size">Hits to keep (offset and page together).</param>
    /// <param name="outOfOrder">Whether the query is scored out of order (<see cref="ScoresOutOfOrder"/>).</param>
    public RelevanceCollector(int size, bool outOfOrder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _heap = new Entry[size];
        _outOfOrder = outOfOrder;
    }

    /// <summary>True for a rewritten query that Lucene scores out of order when allowed to: a boolean query without
    /// required clauses (what <c>BooleanWeight.ScoresDocsOutOfOrder</c> says, known before its weight is built).</summary>
    public static bool ScoresOutOfOrder(Query rewritten) =>
        rewritten is BooleanQuery boolean && boolean.MinimumNumberShouldMatch <= 1 && !boolean.Clauses.Any(static c => c.IsRequired);

    /// <summary>Every document collected.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => _outOfOrder;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _times = context.AtomicReader.GetNumericDocValues(IndexFields.TimeValues);
        _docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        TotalHits++;
        var score = _scorer!.GetScore();
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
