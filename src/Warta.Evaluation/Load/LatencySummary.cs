namespace Warta.Evaluation.Load;

/// <summary>Latencies of one class of request: count, errors (non-2xx/3xx answers and failures) and percentiles in milliseconds.</summary>
public sealed record LatencySummary(string Class, int Count, int Errors, double P50Ms, double P99Ms, double MaxMs)
{
    /// <summary>Summarises <paramref name="millis"/> (sorted in place).</summary>
    public static LatencySummary Of(string name, List<double> millis, int errors)
    {
        ArgumentNullException.ThrowIfNull(millis);
        millis.Sort();
        return new LatencySummary(name, millis.Count, errors, Percentile(millis, 0.50), Percentile(millis, 0.99), millis.Count == 0 ? 0 : millis[^1]);
    }

    /// <summary>The nearest-rank percentile of sorted values (0 when there are none).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return 0;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
