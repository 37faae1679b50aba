using Xunit;

namespace Warta.Evaluation.Tests;

public class ClusteringMetricsTests
{
    // Bagga and Baldwin 1998, figure 3: gold {1-5} {6,7} {8-12}; the response joins the last two classes.
    private static readonly string[] Gold = ["a", "a", "a", "a", "a", "b", "b", "c", "c", "c", "c", "c"];
    private static readonly string[] JoinedResponse = ["x", "x", "x", "x", "x", "y", "y", "y", "y", "y", "y", "y"];

    [Fact]
    public void Should_give_the_published_bcubed_precision_when_two_classes_are_joined()
    {
        var score = ClusteringMetrics.BCubed(Gold, JoinedResponse);

        // (5 × 5/5 + 2 × 2/7 + 5 × 5/7) / 12 = 64/84 ≈ 0.76, the figure in the paper; nothing is split, so recall is 1.
        Assert.Equal(64.0 / 84.0, score.Precision, 1e-12);
        Assert.Equal(1.0, score.Recall, 1e-12);
    }

    [Fact]
    public void Should_count_pairs_when_two_classes_are_joined()
    {
        var score = ClusteringMetrics.PairCounting(Gold, JoinedResponse);

        // Gold pairs 10 + 1 + 10 = 21, all kept; the response has 10 + 21 = 31 pairs.
        Assert.Equal(21.0 / 31.0, score.Precision, 1e-12);
        Assert.Equal(1.0, score.Recall, 1e-12);
    }

    [Fact]
    public void Should_score_a_split_class_by_lost_pairs_and_items()
    {
        string[] gold = ["a", "a", "a", "a"];
        string[] predicted = ["x", "x", "y", "y"];

        var pair = ClusteringMetrics.PairCounting(gold, predicted);
        var bcubed = ClusteringMetrics.BCubed(gold, predicted);

        // Pairs: 2 of 6 kept. B-cubed: each item finds 2 of its 4 class members.
        Assert.Equal(1.0, pair.Precision, 1e-12);
        Assert.Equal(2.0 / 6.0, pair.Recall, 1e-12);
        Assert.Equal(0.5, bcubed.Recall, 1e-12);
        Assert.Equal(2 * 0.5 / 1.5, bcubed.F1, 1e-12);
    }

    [Fact]
    public void Should_score_one_for_identical_clusterings_whatever_the_label_names()
    {
        string[] gold = ["a", "b", "a", "c", "b"];
        string[] predicted = ["3", "1", "3", "2", "1"];

        Assert.Equal(1.0, ClusteringMetrics.PairCounting(gold, predicted).F1, 1e-12);
        Assert.Equal(1.0, ClusteringMetrics.BCubed(gold, predicted).F1, 1e-12);
    }

    [Fact]
    public void Should_refuse_label_lists_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => ClusteringMetrics.BCubed(["a"], ["x", "y"]));
    }
}
