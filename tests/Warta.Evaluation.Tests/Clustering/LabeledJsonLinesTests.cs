using Warta.Evaluation.Clustering;
using Xunit;

namespace Warta.Evaluation.Tests.Clustering;

public class LabeledJsonLinesTests
{
    private static readonly string[] Lines =
    [
        """{"story": "3-ecb", "text": "An earthquake of magnitude 4.5 struck Lake County on Sunday, the survey said.\n\nNo damage was reported."}""",
        """{"story": "3-ecbplus", "title": "Gempa Guncang Sagu", "text": "Gempa magnitudo 5,8 mengguncang Kabupaten Sagu Barat.", "published": "2026-02-10T08:00:00+09:00", "outlet": "kabarnusa.id"}""",
        "",
        """{"story": "24-ecb", "text": "Police arrested two men after the bank robbery in Paris on Friday."}""",
        """{"text": "A record without a gold story is not scored."}""",
    ];

    [Fact]
    public void Should_pair_each_record_with_its_gold_story_and_keep_an_undated_record_undated()
    {
        var labeled = LabeledJsonLines.Read(Lines, "set", out var refused);

        Assert.Equal(["3-ecb", "3-ecbplus", "24-ecb"], labeled.Select(static l => l.Gold));
        Assert.Equal(1, refused);
        Assert.Null(labeled[0].Article.Published);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 8, 0, 0, TimeSpan.FromHours(9)), labeled[1].Article.Published?.Value);
        Assert.Equal("Gempa Guncang Sagu", labeled[1].Article.Title);
    }

    [Fact]
    public void Should_keep_only_the_topics_in_range()
    {
        var labeled = LabeledJsonLines.Read(Lines, "set", out _);

        Assert.Equal(["24-ecb"], LabeledJsonLines.Topics(labeled, 23, 35).Select(static l => l.Gold));
        Assert.Equal(["3-ecb", "3-ecbplus"], LabeledJsonLines.Topics(labeled, 1, 22).Select(static l => l.Gold));
    }

    [Fact]
    public void Should_give_every_record_the_one_publication_time()
    {
        var time = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);

        var labeled = LabeledJsonLines.AtOneTime(LabeledJsonLines.Read(Lines, "set", out _), time);

        Assert.Equal(3, labeled.Count);
        Assert.All(labeled, l => Assert.Equal(time, l.Article.Published?.Value));
    }

    [Fact]
    public void Should_shuffle_the_same_way_for_the_same_seed_and_drop_blank_lines()
    {
        var first = LabeledJsonLines.Shuffle(Lines, 7);
        var again = LabeledJsonLines.Shuffle(Lines, 7);

        Assert.Equal(4, first.Count);
        Assert.Equal(first, again);
        Assert.Equal(Lines.Where(static l => l.Length > 0).Order(StringComparer.Ordinal), first.Order(StringComparer.Ordinal));
    }
}
