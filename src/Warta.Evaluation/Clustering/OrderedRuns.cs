using Warta.Core.Clustering;
using Warta.Core.Pipeline;
using Warta.Text;

namespace Warta.Evaluation.Clustering;

/// <summary>Scores one labeled JSON Lines set in several record orders (the file's, or shuffled by seeds) and sums them up as the mean and the worst.</summary>
/// <remarks>An online clusterer's result depends on arrival order; the worst of several orders is the figure a target is checked against.</remarks>
public static class OrderedRuns
{
    /// <param name="lines">The set's lines.</param>
    /// <param name="source">Name stored as the articles' source.</param>
    /// <param name="seeds">Shuffle seeds; null for the file's own order (then one run).</param>
    /// <param name="select">Applied to the labeled records of each order before placement (a topic range, one publication time).</param>
    /// <param name="analyzer">Text analysis.</param>
    /// <param name="options">Clusterer settings; the defaults when null.</param>
    /// <param name="stages">Stages before placement (entity annotation), as ingest runs them.</param>
    /// <param name="placements">When given, receives the first run's articles with their final stories, for error analysis.</param>
    public static IReadOnlyList<(int? Seed, ClusteringReport Report)> Run(
        IReadOnlyList<string> lines, string source, IReadOnlyList<int>? seeds,
        Func<IReadOnlyList<LabeledArticle>, IReadOnlyList<LabeledArticle>> select, ITextAnalyzer analyzer,
        StoryClustererOptions? options = null, Func<IEnumerable<IArticleStage>>? stages = null,
        ICollection<(LabeledArticle Article, string StoryId)>? placements = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(select);
        var runs = new List<(int?, ClusteringReport)>();
        IEnumerable<int?> orders = seeds is { Count: > 0 } ? seeds.Select(static s => (int?)s) : [null];
        foreach (var seed in orders)
        {
            var ordered = seed is { } s ? LabeledJsonLines.Shuffle(lines, s) : lines;
            var labeled = select(LabeledJsonLines.Read(ordered, source, out _));
            runs.Add((seed, ClusteringEvaluator.Run(labeled, analyzer, options, runs.Count == 0 ? placements : null, stages?.Invoke())));
        }
        return runs;
    }

    /// <summary>Precision and recall averaged over the runs (pair and B-cubed).</summary>
    public static (PrecisionRecall Pair, PrecisionRecall BCubed) Mean(IReadOnlyList<(int? Seed, ClusteringReport Report)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("no runs", nameof(runs));
        return (
            new PrecisionRecall(runs.Average(static r => r.Report.Pair.Precision), runs.Average(static r => r.Report.Pair.Recall)),
            new PrecisionRecall(runs.Average(static r => r.Report.BCubed.Precision), runs.Average(static r => r.Report.BCubed.Recall)));
    }

    /// <summary>The run with the lowest B-cubed F1 and the run with the lowest pair F1 (ties: the earlier run).</summary>
    public static (ClusteringReport ByBCubed, ClusteringReport ByPair) Worst(IReadOnlyList<(int? Seed, ClusteringReport Report)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException("no runs", nameof(runs));
        var byBCubed = runs[0].Report;
        var byPair = runs[0].Report;
        foreach (var (_, report) in runs)
        {
            if (report.BCubed.F1 < byBCubed.BCubed.F1) byBCubed = report;
            if (report.Pair.F1 < byPair.Pair.F1) byPair = report;
        }
        return (byBCubed, byPair);
    }
}
