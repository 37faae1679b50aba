namespace Warta.Evaluation.Stories;

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L F1 of one summary against one reference (or their means over several).</summary>
public readonly record struct RougeScore(double Rouge1, double Rouge2, double RougeL)
{
    /// <summary>The mean of each measure over <paramref name="scores"/>; zero when there are none.</summary>
    public static RougeScore Mean(IReadOnlyCollection<RougeScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Count == 0 ? default : new(scores.Average(static s => s.Rouge1), scores.Average(static s => s.Rouge2), scores.Average(static s => s.RougeL));
    }
}
