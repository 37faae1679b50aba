using Warta.Evaluation.Stories;
using Xunit;

namespace Warta.Evaluation.Tests.Stories;

public class RougeTests
{
    [Fact]
    public void Should_give_full_marks_to_a_brief_identical_to_its_reference_whatever_the_case()
    {
        var score = Rouge.Score("BNPB menyalurkan dana siap pakai Rp2 miliar.", "BNPB menyalurkan Dana Siap Pakai Rp2 miliar.");

        Assert.Equal(new RougeScore(1, 1, 1), score);
    }

    [Fact]
    public void Should_score_unigrams_bigrams_and_the_longest_common_subsequence_as_counted_by_hand()
    {
        // Given candidate "banjir merendam 12 desa di lamaru" (6 tokens) and reference "banjir besar merendam 12 desa" (5 tokens)
        var score = Rouge.Score("Banjir merendam 12 desa di Lamaru.", "Banjir besar merendam 12 desa.");

        // Then 4 unigrams match (P 4/6, R 4/5), 2 bigrams (P 2/5, R 2/4), and the LCS is 4 long
        Assert.Equal(2 * (4.0 / 6) * (4.0 / 5) / ((4.0 / 6) + (4.0 / 5)), score.Rouge1, 10);
        Assert.Equal(2 * (2.0 / 5) * (2.0 / 4) / ((2.0 / 5) + (2.0 / 4)), score.Rouge2, 10);
        Assert.Equal(score.Rouge1, score.RougeL, 10);
    }

    [Fact]
    public void Should_not_stem_so_pengungsi_and_mengungsi_do_not_match()
    {
        Assert.Equal(0, Rouge.Score("pengungsi", "mengungsi").Rouge1);
    }

    [Fact]
    public void Should_clip_a_repeated_word_to_its_count_in_the_reference()
    {
        // "banjir banjir banjir" against "banjir surut": one match of three candidate unigrams, one of two reference unigrams
        var score = Rouge.Score("banjir banjir banjir", "banjir surut");

        Assert.Equal(2 * (1.0 / 3) * (1.0 / 2) / ((1.0 / 3) + (1.0 / 2)), score.Rouge1, 10);
    }
}
