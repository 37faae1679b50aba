using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Evaluation.Clustering;
using Warta.Testing;
using Warta.Text;
using Xunit;
using static Warta.Core.Tests.Clustering.StreamArticles;

namespace Warta.Core.Tests.Clustering;

/// <summary>Removal, editors' corrections and the replay of stored placements.</summary>
public sealed class StoryClustererCorrectionsTests
{
    private static readonly DateTimeOffset March = new(2019, 3, 4, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly StoryClustererOptions Bridging = new() { AssignThreshold = 0.1, MergeThreshold = 0.3 };

    private static AnalyzedArticle Analyzed(Article article) => new(
        article,
        Analyzers.Default.Analyze(Tokenizer.Tokenize(article.Title), article.Language),
        Analyzers.Default.Analyze(Tokenizer.Tokenize(article.Body), article.Language));

    private static readonly Article Quake = Make("gempa-1", "Gempa Lombok", "Gempa mengguncang Lombok Utara pada Minggu malam.", March);

    private static readonly Article Tsunami = Make("tsunami-1", "Peringatan Tsunami", "BMKG mencabut peringatan tsunami di Mataram setelah air laut surut.", March.AddHours(1));

    private static readonly Article Bridge = Make("gempa-2", "Gempa Lombok dan Peringatan Tsunami",
        "Gempa mengguncang Lombok Utara pada Minggu malam. BMKG mencabut peringatan tsunami di Mataram setelah air laut surut.", March.AddHours(2));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_replay_stored_placements_to_the_state_the_placing_run_had_bit_for_bit(bool tight)
    {
        var options = tight ? ClustererLimits.Tight : null;
        var stream = StreamOrder.Sort(SampleCorpus.Articles()).Select(Analyzed).ToList();
        var placing = new StoryClusterer(options);
        var results = stream.Select(a => placing.Add(a.Article, a.Title, a.Body)).ToList();

        var replaying = new StoryClusterer(options);
        for (var i = 0; i < stream.Count; i++) replaying.Replay(stream[i], results[i].Assignment, results[i].Merges);

        Assert.True(results.Sum(static r => r.Merges.Count) > 0 || !tight, "the tight limits must merge for the check to mean anything");
        Assert.Equal(placing.CreateSnapshot(), replaying.CreateSnapshot());
    }

    [Fact]
    public void Should_take_a_removed_article_out_of_its_story_and_the_near_duplicate_index()
    {
        var clusterer = new StoryClusterer();
        var flood = Make("banjir-1", "Banjir Rendam Ratusan Rumah di Dayeuhkolot",
            "Banjir merendam ratusan rumah warga di Kecamatan Dayeuhkolot, Kabupaten Bandung, setelah Sungai Citarum meluap akibat hujan deras sejak Senin malam. " +
            "Warga mengungsi ke masjid dan sekolah terdekat.", March);
        var again = Make("banjir-2", "Citarum Meluap Lagi, Warga Dayeuhkolot Kembali Mengungsi",
            "Sungai Citarum kembali meluap dan menggenangi permukiman di Dayeuhkolot, Kabupaten Bandung. Petugas BPBD mengevakuasi warga yang rumahnya terendam banjir.",
            March.AddDays(1), "tirto.id");
        Place(clusterer, flood);
        Assert.Equal("s-banjir-1", Place(clusterer, again).Assignment.StoryId);

        var change = clusterer.Remove(Analyzed(again));

        var story = Assert.Single(change.ChangedStories);
        Assert.Equal(("s-banjir-1", 1, "Banjir Rendam Ratusan Rumah di Dayeuhkolot"), (story.Id, story.ArticleCount, story.Headline));
        Assert.Equal(["contoh.id"], story.Outlets);
        Assert.Equal(flood.Published!.Value.Value, story.LastPublished!.Value);
        Assert.Null(clusterer.LiveStoryOf("banjir-2"));
        Assert.Equal(1, clusterer.LiveArticleCount);
        // Forgotten by the near-duplicate index: the same text again is an original, not a copy of the removed article.
        var copy = Place(clusterer, again with { Id = "banjir-2-lagi" });
        Assert.Null(copy.Assignment.CopyOfArticleId);
    }

    [Fact]
    public void Should_drop_a_story_left_with_no_article_and_give_its_headline_to_the_earliest_article_left()
    {
        var clusterer = new StoryClusterer(Bridging);
        Place(clusterer, Quake);
        var second = Make("gempa-1b", "Gempa Susulan di Lombok Utara", "Gempa susulan mengguncang Lombok Utara pada Minggu malam.", March.AddHours(3), "tirto.id");
        Assert.Equal("s-gempa-1", Place(clusterer, second).Assignment.StoryId);
        Place(clusterer, Tsunami);
        var stories = clusterer.LiveStoryCount;

        var founderGone = clusterer.Remove(Analyzed(Quake));
        var emptied = clusterer.Remove(Analyzed(Tsunami));

        Assert.Equal("Gempa Susulan di Lombok Utara", Assert.Single(founderGone.ChangedStories).Headline);
        Assert.Equal("s-gempa-1", Assert.Single(founderGone.ChangedStories).Id);
        Assert.Equal(["s-tsunami-1"], emptied.DroppedStoryIds);
        Assert.Empty(emptied.ChangedStories);
        Assert.Equal(stories - 1, clusterer.LiveStoryCount);
        Assert.False(clusterer.IsLive("s-tsunami-1"));
    }

    [Fact]
    public void Should_merge_two_stories_an_article_bridges_unless_an_editor_split_them()
    {
        // Without a correction the bridge merges the two stories (the clusterer's own merge step).
        var control = new StoryClusterer(Bridging);
        Place(control, Quake);
        Place(control, Tsunami);
        Assert.Single(Place(control, Bridge).Merges);

        var clusterer = new StoryClusterer(Bridging);
        Place(clusterer, Quake);
        Place(clusterer, Tsunami);
        clusterer.MergeStories("s-tsunami-1", "s-gempa-1");
        var split = clusterer.Split("s-gempa-1", "s-tsunami-1-2", [(Analyzed(Tsunami), null)], Tsunami.Title);
        // A snapshot carries the constraint, as the checkpoint saved with the correction does.
        var restored = StoryClusterer.Restore(clusterer.CreateSnapshot(), Bridging);

        var bridged = Place(restored, Bridge);

        Assert.Equal(["s-gempa-1", "s-tsunami-1-2"], split.ChangedStories.Select(static s => s.Id).Order(StringComparer.Ordinal));
        Assert.Empty(bridged.Merges);
        Assert.True(restored.IsLive("s-gempa-1") && restored.IsLive("s-tsunami-1-2"));
        Assert.Equal(["s-tsunami-1-2"], restored.ApartFrom("s-gempa-1"));
    }

    [Fact]
    public void Should_keep_a_split_pair_apart_after_one_of_them_joins_a_third_story()
    {
        var clusterer = new StoryClusterer(Bridging);
        Place(clusterer, Quake);
        Place(clusterer, Tsunami);
        clusterer.MergeStories("s-tsunami-1", "s-gempa-1");
        clusterer.Split("s-gempa-1", "s-tsunami-1-2", [(Analyzed(Tsunami), null)], Tsunami.Title);
        var other = Make("beras-1", "Harga Beras Naik", "Harga beras medium di Pasar Induk Cipinang naik menjadi Rp 12.000 per kilogram.", March.AddHours(1));
        Assert.Equal("s-beras-1", Place(clusterer, other).Assignment.StoryId);

        clusterer.MergeStories("s-gempa-1", "s-beras-1");

        Assert.Equal(["s-tsunami-1-2"], clusterer.ApartFrom("s-beras-1"));
        Assert.Equal(["s-beras-1"], clusterer.ApartFrom("s-tsunami-1-2"));
        Assert.Empty(clusterer.ApartFrom("s-gempa-1"));
    }

    [Fact]
    public void Should_move_an_article_between_live_stories_and_take_it_out_when_the_target_is_not_live()
    {
        var clusterer = new StoryClusterer();
        Place(clusterer, Quake);
        Place(clusterer, Tsunami);
        var extra = Make("gempa-1b", "Gempa Susulan", "Gempa susulan mengguncang Lombok Utara.", March.AddHours(3), "tirto.id");
        Place(clusterer, extra);
        var before = clusterer.LiveStoryOf("gempa-1b")!;

        var moved = clusterer.Move(Analyzed(extra), null, "s-tsunami-1");
        var away = clusterer.Move(Analyzed(extra), null, "s-evicted-long-ago");

        Assert.Contains(moved.ChangedStories, s => s.Id == "s-tsunami-1" && s.ArticleCount == 2 && s.Outlets.Contains("tirto.id"));
        Assert.Equal("s-tsunami-1", Assert.Single(away.ChangedStories).Id);
        Assert.Equal(1, Assert.Single(away.ChangedStories).ArticleCount);
        Assert.Null(clusterer.LiveStoryOf("gempa-1b"));
        Assert.NotEqual("s-tsunami-1", before);
    }

    [Fact]
    public void Should_drop_both_stories_of_a_merge_with_a_story_no_longer_live()
    {
        var clusterer = new StoryClusterer();
        Place(clusterer, Quake);

        var change = clusterer.MergeStories("s-gempa-1", "s-gone");

        Assert.Equal(["s-gempa-1"], change.DroppedStoryIds);
        Assert.Equal(0, clusterer.LiveStoryCount);
        Assert.Equal(0, clusterer.LiveArticleCount);
    }
}
