using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Warta.Search.Lucene;

/// <summary>Collects every matching article into its story: summed score, count, best article and latest publication time.</summary>
internal sealed class StoryCollector : ICollector
{
    private readonly BytesRef _scratch = new();
    private Scorer? _scorer;
    private SortedDocValues? _stories;
    private NumericDocValues? _times;
    private int _docBase;

    public Dictionary<string, StoryTally> Stories { get; } = new(StringComparer.Ordinal);

    /// <summary>The newest publication time (Unix ms) among the matches, the reference point of freshness.</summary>
    public long NewestTime { get; private set; } = IndexFields.UndatedTime;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _stories = context.AtomicReader.GetSortedDocValues(IndexFields.StoryValues);
        _times = context.AtomicReader.GetNumericDocValues(IndexFields.TimeValues);
        _docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        var ord = _stories?.GetOrd(doc) ?? -1;
        if (ord < 0) return;
        _stories!.LookupOrd(ord, _scratch);
        var story = _scratch.Utf8ToString();
        var score = _scorer!.GetScore();
        var time = _times?.Get(doc) ?? IndexFields.UndatedTime;
        if (time > NewestTime) NewestTime = time;
        if (!Stories.TryGetValue(story, out var tally)) Stories[story] = tally = new StoryTally();
        tally.Add(_docBase + doc, score, time);
    }

    /// <summary>One story's matching articles so far.</summary>
    internal sealed class StoryTally
    {
        public int Count { get; private set; }
        public float SumScore { get; private set; }
        public float BestScore { get; private set; } = float.NegativeInfinity;
        public int BestDoc { get; private set; } = -1;
        public long LatestTime { get; private set; } = IndexFields.UndatedTime;

        public void Add(int doc, float score, long time)
        {
            Count++;
            SumScore += score;
            if (score > BestScore || (score == BestScore && doc < BestDoc))
            {
                BestScore = score;
                BestDoc = doc;
            }
            if (time > LatestTime) LatestTime = time;
        }
    }
}
