using Warta.Core.Model;

namespace Warta.Evaluation.Clustering;

/// <summary>Reorders an arriving stream into publication-time order (ties by article id) within a sliding window of stream time.</summary>
/// <remarks>
/// An article is released once the latest publication time seen is at least <c>window</c> past it, so any two articles
/// whose arrival order is swapped by less than the window come out in the same order. Articles without a time take the
/// latest time seen at their arrival.
/// </remarks>
public sealed class StreamOrder(TimeSpan window)
{
    private readonly PriorityQueue<Article, (DateTimeOffset Time, string Id)> _pending = new(KeyComparer.Instance);
    private DateTimeOffset _latest = DateTimeOffset.MinValue;

    /// <summary>Articles waiting for the window to pass.</summary>
    public int Pending => _pending.Count;

    /// <summary>Takes one article; returns those now due, in order.</summary>
    public IReadOnlyList<Article> Push(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var time = article.Published?.Value ?? _latest;
        if (time > _latest) _latest = time;
        _pending.Enqueue(article, (time, article.Id));
        var due = new List<Article>();
        if (_latest - DateTimeOffset.MinValue < window) return [];
        var cutoff = _latest - window;
        while (_pending.TryPeek(out var next, out var key) && key.Time <= cutoff)
        {
            _pending.Dequeue();
            due.Add(next);
        }
        return due;
    }

    /// <summary>Releases everything still waiting, in order (end of input).</summary>
    public IReadOnlyList<Article> Flush()
    {
        var all = new List<Article>(_pending.Count);
        while (_pending.TryDequeue(out var next, out _)) all.Add(next);
        return all;
    }

    /// <summary>Sorts a finite set of articles into the order a <see cref="StreamOrder"/> releases them.</summary>
    public static IReadOnlyList<Article> Sort(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var order = new StreamOrder(TimeSpan.MaxValue);
        foreach (var article in articles) order.Push(article);
        return order.Flush();
    }

    private sealed class KeyComparer : IComparer<(DateTimeOffset Time, string Id)>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare((DateTimeOffset Time, string Id) x, (DateTimeOffset Time, string Id) y)
        {
            var byTime = x.Time.UtcTicks.CompareTo(y.Time.UtcTicks);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
