using System.Globalization;
using Warta.Core.Model;

namespace Warta.Evaluation.Clustering;

/// <summary>Turns one ordered set of articles into an endless stream for throughput runs: each round gets fresh ids and later times.</summary>
/// <remarks>Each round starts 90 days after the previous one ends, beyond the clusterer's 60-day idle window: a round is a
/// new stretch of news, not copies of stories still live (which the near-duplicate detector would rightly catch).</remarks>
public sealed class StreamReplay
{
    private readonly IReadOnlyList<Article> _ordered;
    private readonly TimeSpan _span;

    /// <param name="articles">The set to replay, in any order; it is put in stream order once.</param>
    public StreamReplay(IEnumerable<Article> articles)
    {
        _ordered = StreamOrder.Sort(articles);
        if (_ordered.Count == 0) throw new ArgumentException("nothing to replay", nameof(articles));
        var first = _ordered[0].Published?.Value ?? DateTimeOffset.UnixEpoch;
        var last = _ordered[^1].Published?.Value ?? first;
        _span = last - first + TimeSpan.FromDays(90);
    }

    /// <summary>Articles per round.</summary>
    public int Count => _ordered.Count;

    /// <summary>Round <paramref name="round"/> (0 = the set as is, with <c>-0</c> ids) in stream order.</summary>
    public IEnumerable<Article> Round(int round) => Round(round, _span * round);

    /// <summary>Round <paramref name="round"/>'s ids with the set's times moved by <paramref name="shift"/>, in stream order.</summary>
    public IEnumerable<Article> Round(int round, TimeSpan shift)
    {
        var suffix = "-" + round.ToString(CultureInfo.InvariantCulture);
        foreach (var original in _ordered)
        {
            yield return original with
            {
                Id = original.Id + suffix,
                Published = original.Published is { } p ? p with { Value = p.Value + shift } : null,
            };
        }
    }
}
