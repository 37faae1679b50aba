using Xunit;

namespace Warta.Evaluation.Tests;

public class ConllScorerTests
{
    [Fact]
    public void Should_count_only_exact_span_and_type_matches()
    {
        // Given gold PER "Kim Jong Un" and LOC "Rusia"; the prediction cuts the person short and gets the place right
        var scorer = new ConllScorer();
        string[] gold = ["B-PER", "I-PER", "I-PER", "O", "B-LOC"];
        string[] predicted = ["B-PER", "I-PER", "O", "O", "B-LOC"];

        // When scored
        scorer.Add(gold, predicted);
        var report = scorer.Report();

        // Then one of two predicted chunks is correct, one of two gold chunks is found
        Assert.Equal(new ChunkScore(1, 2, 2), report.Overall);
        Assert.Equal(0.5, report.Overall.F1, 6);
        Assert.Equal(new ChunkScore(0, 1, 1), report.ByType["PER"]);
        Assert.Equal(new ChunkScore(1, 1, 1), report.ByType["LOC"]);
    }

    [Fact]
    public void Should_start_a_chunk_at_an_inside_label_that_continues_nothing_as_conlleval_does()
    {
        // Given an I-ORG after O and an I-LOC after B-PER
        string[] labels = ["O", "I-ORG", "I-ORG", "B-PER", "I-LOC"];

        // When chunked
        var chunks = ConllScorer.ChunksOf(labels);

        // Then three chunks appear
        Assert.Equal([(1, 3, "ORG"), (3, 4, "PER"), (4, 5, "LOC")], chunks);
    }

    [Fact]
    public void Should_score_a_type_the_tagger_never_predicts_with_zero_precision_and_recall()
    {
        var scorer = new ConllScorer();
        scorer.Add(["B-ORG", "O"], ["O", "O"]);

        var report = scorer.Report();

        Assert.Equal(0, report.ByType["ORG"].F1);
        Assert.Equal(1, report.ByType["ORG"].Gold);
        Assert.Equal(1, report.Sentences);
        Assert.Equal(2, report.Tokens);
    }

    [Fact]
    public void Should_refuse_label_sequences_of_different_lengths()
    {
        var scorer = new ConllScorer();
        Assert.Throws<ArgumentException>(() => scorer.Add(["O"], ["O", "O"]));
    }
}
