using Warta.Core.Model;

namespace Warta.Core.Pipeline;

/// <summary>The one placement-order rule: a reorder window of a bounded number of articles over the input stream, earliest publication time first.</summary>
/// <remarks>
/// Holds up to <c>capacity</c> articles and, when one more arrives, releases the earliest by (publication time, id);
/// the end of the input (<see cref="Flush"/>) releases the rest in that order. So an input shorter than the window is
/// placed fully sorted by time, and a longer one sorted within any stretch of <c>capacity</c> articles, with memory
/// bounded. An undated article sorts after every dated one still waiting (it is placed at the stream clock, the latest
/// time the clusterer has seen), and undated ones among themselves by id.
/// </remarks>
public sealed class PlacementOrder
{
    /// <summary>The window <c>warta ingest</c>, <c>warta bench stream</c> and <c>warta eval clustering</c> use.</summary>
    public const int DefaultCapacity = 4096;

    private readonly PriorityQueue<Article, (long Ticks, string Id)> _pending = new(KeyComparer.Instance);
    private readonly int _capacity;

    public PlacementOrder(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 0);
        _capacity = capacity;
    }

    /// <summary>Articles waiting in the window.</summary>
    public int Pending => _pending.Count;

    /// <summary>Takes one article; adds to <paramref name="due"/> the articles it pushes out of the window, in order.</summary>
    public void Push(Article article, List<Article> due)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(due);
        _pending.Enqueue(article, (article.Published?.Value.UtcTicks ?? long.MaxValue, article.Id));
        while (_pending.Count > _capacity) due.Add(_pending.Dequeue());
    }

    /// <summary>Releases everything still waiting, in order (end of input).</summary>
    public void Flush(List<Article> due)
    {
        ArgumentNullException.ThrowIfNull(due);
        while (_pending.TryDequeue(out var next, out _)) due.Add(next);
    }

    private sealed class KeyComparer : IComparer<(long Ticks, string Id)>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare((long Ticks, string Id) x, (long Ticks, string Id) y)
        {
            var byTime = x.Ticks.CompareTo(y.Ticks);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
