namespace Warta.Evaluation.Search;

/// <summary>Rank metrics of one query: a ranking given as the gold story of each hit, best first.</summary>
public static class RankingMetrics
{
    /// <summary>1 / the rank of the first hit of <paramref name="gold"/>; 0 when no hit is.</summary>
    public static double ReciprocalRank(IReadOnlyList<string?> ranked, string gold)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        for (var i = 0; i < ranked.Count; i++)
        {
            if (string.Equals(ranked[i], gold, StringComparison.Ordinal)) return 1.0 / (i + 1);
        }
        return 0;
    }

    /// <summary>The share of the first <paramref name="k"/> ranks held by hits of <paramref name="gold"/> (ranks beyond the
    /// hits count as misses, so a story of three other articles scores at most 0.3 at 10).</summary>
    public static double PrecisionAt(IReadOnlyList<string?> ranked, string gold, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var relevant = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (string.Equals(ranked[i], gold, StringComparison.Ordinal)) relevant++;
        }
        return (double)relevant / k;
    }
}
