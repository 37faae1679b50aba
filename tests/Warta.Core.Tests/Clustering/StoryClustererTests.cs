using Warta.Core.Clustering;
using Xunit;
using static Warta.Core.Tests.Clustering.StreamArticles;

namespace Warta.Core.Tests.Clustering;

public class StoryClustererTests
{
    private static readonly DateTimeOffset March = new(2019, 3, 4, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly string FloodBody =
        "Banjir merendam ratusan rumah warga di Kecamatan Dayeuhkolot, Kabupaten Bandung, setelah Sungai Citarum meluap " +
        "akibat hujan deras sejak Senin malam. Badan Penanggulangan Bencana Daerah mencatat ketinggian air mencapai satu meter. " +
        "Warga mengungsi ke masjid dan sekolah terdekat sambil menunggu air surut. Petugas membagikan makanan dan selimut " +
        "kepada para pengungsi di Dayeuhkolot.";

    [Fact]
    public void Should_join_two_reports_of_one_developing_story_a_month_apart()
    {
        var clusterer = new StoryClusterer();
        var first = Place(clusterer, Make("banjir-1", "Banjir Rendam Ratusan Rumah di Dayeuhkolot", FloodBody, March));

        var later = Place(clusterer, Make("banjir-2", "Citarum Meluap Lagi, Warga Dayeuhkolot Kembali Mengungsi",
            "Sungai Citarum kembali meluap dan menggenangi permukiman di Dayeuhkolot, Kabupaten Bandung. Petugas BPBD " +
            "mengevakuasi warga yang rumahnya terendam banjir setinggi pinggang. Pengungsi ditampung di gedung sekolah.",
            March.AddDays(31), "tirto.id"));

        Assert.Equal("s-banjir-1", first.Assignment.StoryId);
        Assert.Equal(first.Assignment.StoryId, later.Assignment.StoryId);
        Assert.True(later.Assignment.Similarity > 0);
        var story = Assert.Single(later.ChangedStories);
        Assert.Equal(2, story.ArticleCount);
        Assert.Equal(["contoh.id", "tirto.id"], story.Outlets);
    }

    [Fact]
    public void Should_keep_an_unrelated_story_apart()
    {
        var clusterer = new StoryClusterer();
        var flood = Place(clusterer, Make("banjir-1", "Banjir Rendam Ratusan Rumah di Dayeuhkolot", FloodBody, March));

        var bribe = Place(clusterer, Make("kpk-1", "KPK Tetapkan Bupati Sebagai Tersangka Suap Proyek Jalan",
            "Komisi Pemberantasan Korupsi menetapkan seorang bupati di Jawa Timur sebagai tersangka kasus suap proyek " +
            "pembangunan jalan. Penyidik menyita uang tunai ratusan juta rupiah dalam operasi tangkap tangan di rumah dinas.",
            March.AddDays(2)));

        Assert.NotEqual(flood.Assignment.StoryId, bribe.Assignment.StoryId);
        Assert.Equal("s-kpk-1", bribe.Assignment.StoryId);
        Assert.Equal(0, bribe.Assignment.Similarity);
    }

    [Fact]
    public void Should_link_a_light_rewrite_as_a_copy_of_the_original_without_changing_the_story_centroid()
    {
        var clusterer = new StoryClusterer();
        Place(clusterer, Make("banjir-1", "Banjir Rendam Ratusan Rumah di Dayeuhkolot", FloodBody, March));

        var copy = Place(clusterer, Make("banjir-salinan", "Banjir Rendam Ratusan Rumah di Dayeuhkolot",
            FloodBody.Replace("Senin malam", "Minggu malam", StringComparison.Ordinal), March.AddHours(3), "media-lain.com"));

        Assert.Equal("banjir-1", copy.Assignment.CopyOfArticleId);
        Assert.Equal("s-banjir-1", copy.Assignment.StoryId);
        Assert.Equal(2, Assert.Single(copy.ChangedStories).ArticleCount);
    }

    [Fact]
    public void Should_return_the_earlier_assignment_when_an_article_arrives_again()
    {
        var clusterer = new StoryClusterer();
        var first = Place(clusterer, Make("banjir-1", "Banjir Rendam Ratusan Rumah di Dayeuhkolot", FloodBody, March));

        var again = Place(clusterer, Make("banjir-1", "Banjir Rendam Ratusan Rumah di Dayeuhkolot", FloodBody, March));

        Assert.Equal(first.Assignment, again.Assignment);
        Assert.Empty(again.ChangedStories);
        Assert.Equal(1, clusterer.LiveStoryCount);
    }

    [Fact]
    public void Should_keep_the_working_set_bounded_on_a_long_stream()
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { IdleWindow = TimeSpan.FromDays(30) });
        var random = new Random(7);
        var evicted = 0;
        var maxLive = 0;

        // Four years, three unrelated articles a day, each with its own invented words.
        for (var i = 0; i < 4 * 365 * 3; i++)
        {
            var words = string.Join(' ', Enumerable.Range(0, 12).Select(_ => Word(random)));
            var result = Place(clusterer, Make($"a{i:D5}", Word(random) + " " + Word(random), words, March.AddHours(8 * i)));
            evicted += result.EvictedStoryIds.Count;
            maxLive = Math.Max(maxLive, clusterer.LiveStoryCount);
        }

        // 30 days × 3 a day = 90 stories at most, plus the day the sweep waits for.
        Assert.InRange(maxLive, 1, 95);
        Assert.True(evicted > 4000, $"only {evicted} stories evicted");
        Assert.InRange(clusterer.LiveArticleCount, 1, 95);
        Assert.InRange(clusterer.TermCount, 1, 95 * 14);
    }

    [Fact]
    public void Should_forget_the_names_of_long_past_stories_even_when_several_reports_shared_them()
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { IdleWindow = TimeSpan.FromDays(30) });
        var random = new Random(11);

        // Four years, one story a day told by four reports that share its eight invented names (so each name is in more
        // than two documents); nothing else is shared between days.
        for (var day = 0; day < 4 * 365; day++)
        {
            var names = Enumerable.Range(0, 8).Select(_ => Word(random)).ToArray();
            for (var report = 0; report < 4; report++)
            {
                var body = string.Join(' ', names) + " " + string.Join(' ', Enumerable.Range(0, 4).Select(_ => Word(random)));
                Place(clusterer, Make($"d{day:D4}r{report}", names[0] + " " + names[1], body, March.AddDays(day).AddHours(report)));
            }
        }

        // Three idle windows of days, each with 8 shared names and 4 × 4 words of their own, plus the day the sweep waits for.
        Assert.InRange(clusterer.TermCount, 8 * 90, 95 * (8 + 16) * 2);
    }

    [Fact]
    public void Should_evict_the_least_recently_updated_stories_beyond_the_cap()
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { MaxLiveStories = 100 });
        var random = new Random(11);

        for (var i = 0; i < 1000; i++)
        {
            var words = string.Join(' ', Enumerable.Range(0, 12).Select(_ => Word(random)));
            Place(clusterer, Make($"b{i:D4}", Word(random), words, March.AddSeconds(i)));
        }

        Assert.InRange(clusterer.LiveStoryCount, 1, 100);
    }

    [Fact]
    public void Should_record_a_merge_when_an_article_bridges_two_live_stories()
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { AssignThreshold = 0.1, MergeThreshold = 0.3 });
        var older = Place(clusterer, Make("gempa-1", "Gempa Lombok", "Gempa mengguncang Lombok Utara pada Minggu malam.", March));
        var younger = Place(clusterer, Make("tsunami-1", "Peringatan Tsunami", "BMKG mencabut peringatan tsunami di Mataram setelah air laut surut.", March.AddHours(1)));
        Assert.NotEqual(older.Assignment.StoryId, younger.Assignment.StoryId);

        var bridge = Place(clusterer, Make("gempa-2", "Gempa Lombok dan Peringatan Tsunami",
            "Gempa mengguncang Lombok Utara pada Minggu malam. BMKG mencabut peringatan tsunami di Mataram setelah air laut surut.",
            March.AddHours(2)));

        var merge = Assert.Single(bridge.Merges);
        Assert.Equal("s-tsunami-1", merge.FromStoryId);
        Assert.Equal("s-gempa-1", merge.IntoStoryId);
        Assert.Equal("gempa-2", merge.ArticleId);
        Assert.Equal("s-gempa-1", bridge.Assignment.StoryId);
        Assert.Equal(3, Assert.Single(bridge.ChangedStories).ArticleCount);
    }

    [Fact]
    public void Should_keep_a_growing_story_s_key_term_strong_enough_to_draw_a_report_on_a_new_angle()
    {
        // Given a story whose twelve headlines all name Titanfall, among unrelated headlines
        string[] titanfall =
        [
            "Titanfall review roundup", "Titanfall launches on Xbox One", "Titanfall beta impressions", "Titanfall sells out at midnight launch",
            "Respawn's Titanfall hits stores", "Titanfall gameplay trailer", "Titanfall servers hold up on launch day", "Titanfall critics praise mechs",
            "Titanfall launch party in London", "Where to buy Titanfall", "Titanfall review: giant robots", "Titanfall tops sales charts",
        ];
        string[] others =
        [
            "Fed official says weak data caused by weather", "Pizza chain Sbarro files for bankruptcy", "Metro-North worker killed by train",
            "American Airlines and JetBlue end partnership", "McDonald's sales hurt by snow", "Herbalife hits back at Ackman",
            "Copper falls to eight-month low", "Honda makes Acura a stand-alone division", "Jaguars unveil giant video screens",
            "Elephants tell human voices apart", "Death stars in Orion destroy planets", "Genghis Khan rode a wet climate",
        ];
        var clusterer = new StoryClusterer();
        var time = March;
        string? story = null;
        for (var i = 0; i < titanfall.Length; i++)
        {
            var placed = Place(clusterer, Make($"t-{i}", titanfall[i], "", time = time.AddMinutes(5), "games.example", "en"));
            story ??= placed.Assignment.StoryId;
            Place(clusterer, Make($"o-{i}", others[i], "", time = time.AddMinutes(5), "news.example", "en"));
        }

        // When a report on an angle none of them mentioned arrives
        var angle = Place(clusterer, Make("t-angle", "Titanfall resolution on consoles likely to increase after first patch, developer confirms", "", time.AddMinutes(5), "games.example", "en"));

        // Then it joins the story: Titanfall is in one story only, so it keeps its weight (a document idf had fallen to the
        // level of the angle's new words and the report started a story of its own)
        Assert.Equal(story, angle.Assignment.StoryId);
    }

    private static string Word(Random random) => new([.. Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26)))]);
}
