using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Stories;
using Warta.Evaluation.Stories;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Stories;

public class StoryViewBuilderTests
{
    private static readonly Lazy<IReadOnlyList<Article>> Seeds = new(() => Read(SharedData.PathOf("seeds")));

    private static List<Article> Read(string folder)
    {
        var ingestor = new ArticleIngestor();
        var annotation = new AnnotationStage(EntityTagger.Shipped);
        var articles = new List<Article>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(file) is ".md" or ".tsv") continue;
            foreach (var outcome in ingestor.Read(new RawDocument(file, File.ReadAllBytes(file))))
            {
                if (outcome.Article is { } article) articles.Add(annotation.Process(article));
            }
        }
        return articles;
    }

    /// <summary>The articles of each story of a corpus folder, by its gold <c>stories.tsv</c>.</summary>
    internal static Dictionary<string, List<Article>> Stories(string folder, IReadOnlyList<Article> articles)
    {
        var stories = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(folder, "stories.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            var article = articles.Single(a => a.Source.Replace('\\', '/').EndsWith("/" + columns[0], StringComparison.Ordinal));
            if (!stories.TryGetValue(columns[1], out var list)) stories[columns[1]] = list = [];
            list.Add(article);
        }
        return stories;
    }

    [Fact]
    public void Should_brief_the_seeds_with_the_visit_to_meet_Putin_citing_both_reports()
    {
        var view = new StoryViewBuilder().Build("s-kim", Seeds.Value, 7);

        var visit = Assert.Single(view.Brief, static s => s.Text.Contains("Putin", StringComparison.Ordinal) && s.Text.Contains("Rusia", StringComparison.Ordinal));
        Assert.Equal(["rakyatku.com", "tirto.id"], visit.Citations.Select(static c => c.Outlet));
        Assert.Equal(7, view.Sequence);
        Assert.InRange(view.Brief.Count, 2, 5);
    }

    [Fact]
    public void Should_put_the_March_report_of_the_planned_visit_before_the_April_confirmation()
    {
        var view = new StoryViewBuilder().Build("s-kim", Seeds.Value, 1);
        var timeline = view.Timeline.ToList();

        var planned = timeline.FindIndex(static e => e.Text.Contains("akan segera melakukan kunjungan resmi ke Rusia", StringComparison.Ordinal));
        var confirmed = timeline.FindIndex(static e => e.Text.Contains("telah mengkonfirmasi", StringComparison.Ordinal));
        Assert.True(planned >= 0 && confirmed >= 0, "both events are on the timeline");
        Assert.True(planned < confirmed);
        Assert.Equal("2019-03-26", timeline[planned].When);
        Assert.Equal("2019-04-23", timeline[confirmed].When);
        Assert.Equal("rakyatku.com", timeline[planned].FirstOutlet);
    }

    [Fact]
    public void Should_date_the_announced_timing_of_the_visit_as_an_event()
    {
        var view = new StoryViewBuilder().Build("s-kim", Seeds.Value, 1);

        var timing = Assert.Single(view.Timeline, static e => e.Text.Contains("paruh kedua April", StringComparison.Ordinal));
        Assert.StartsWith("2019-04", timing.When, StringComparison.Ordinal);
        Assert.NotNull(timing.WhenText);
    }

    [Fact]
    public void Should_cite_every_brief_sentence_of_the_sample_corpus_only_by_articles_that_state_it()
    {
        var folder = SampleCorpus.Folder;
        var stories = Stories(folder, SampleCorpus.Articles());
        var checkedSentences = 0;
        var wrong = new List<string>();
        foreach (var (key, articles) in stories)
        {
            var view = new StoryViewBuilder().Build(key, articles, 1);
            Assert.NotEmpty(view.Brief);
            foreach (var sentence in view.Brief)
            {
                Assert.Contains(sentence.Citations, c => c.ArticleId == sentence.ArticleId);
                var unstated = sentence.Citations.Where(c => !CitationCheck.States(articles.Single(a => a.Id == c.ArticleId), sentence.Text)).ToList();
                if (unstated.Count > 0) wrong.Add($"{key}: {string.Join(", ", unstated.Select(static c => c.ArticleId))} do not state \"{sentence.Text}\"");
                checkedSentences++;
            }
        }
        Assert.True(checkedSentences >= 30, $"only {checkedSentences} brief sentences");
        // The Seruni protest sentence ("… tanpa palang pintu …") once cited the report that the gates at the same crossings work.
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Should_show_what_is_new_in_later_reports_of_a_sample_story()
    {
        var stories = Stories(SampleCorpus.Folder, SampleCorpus.Articles());
        var lamaru = stories["banjir-lamaru"];
        var view = new StoryViewBuilder().Build("banjir-lamaru", lamaru, 1);
        var first = view.ArticleIds[0];

        var news = view.NewSinceArticle(first);
        Assert.NotNull(news);
        Assert.NotEmpty(news);
        Assert.DoesNotContain(news, t => t.Citations.Any(c => c.ArticleId == first));
        Assert.Contains(news, static t => t.Text.Contains("3.420", StringComparison.Ordinal));
        var since = lamaru.Min(static a => a.Published!.Value.Value).AddDays(1);
        Assert.All(view.NewSince(since), t => Assert.True(t.Published > since));
        Assert.NotEmpty(view.NewSince(since));
    }

    [Fact]
    public void Should_show_two_outlets_giving_different_stall_counts_as_a_disagreement()
    {
        var folder = RepoPaths.Combine("samples", "disagreements");
        var stories = Stories(folder, Read(folder));
        var view = new StoryViewBuilder().Build("kebakaran-pasar-lamoa", stories["kebakaran-pasar-lamoa"], 1);

        var stalls = Assert.Single(view.Disagreements, static d => d.Kind == "disagreement" && d.Counts == "kios");
        Assert.Contains(stalls.Values, static v => v.Number == 300m && v.Citations.Any(static c => c.Outlet == "beritakota.net"));
        Assert.Contains(stalls.Values, static v => v.Number == 212m && v.Citations.Any(static c => c.Outlet == "wartatimur.com"));
        Assert.Contains(view.Disagreements, static d => d.Kind == "correction" && d.Counts == "kios");
    }

    [Fact]
    public void Should_tell_a_correction_by_the_same_outlet_from_a_disagreement_between_outlets()
    {
        var folder = RepoPaths.Combine("samples", "disagreements");
        var stories = Stories(folder, Read(folder));
        var view = new StoryViewBuilder().Build("longsor-bukit-jarum", stories["longsor-bukit-jarum"], 1);

        var correction = Assert.Single(view.Disagreements, static d => d.Kind == "correction" && d.Counts == "meninggal");
        Assert.Equal([7m, 9m], correction.Values.Select(static v => v.Number));
        Assert.All(correction.Values, static v => Assert.Equal("kabarnusa.id", Assert.Single(v.Citations).Outlet));
        var disagreement = Assert.Single(view.Disagreements, static d => d.Kind == "disagreement" && d.Counts == "meninggal");
        Assert.Contains(disagreement.Values, static v => v.Number == 7m && v.Citations.Any(static c => c.Outlet == "kabarnusa.id"));
        Assert.Contains(disagreement.Values, static v => v.Number == 9m && v.Citations.Any(static c => c.Outlet == "suarapagi.co.id"));
    }

    [Fact]
    public void Should_dispute_the_time_of_the_landslide_stated_as_Thursday_night_and_Friday_before_dawn()
    {
        var folder = RepoPaths.Combine("samples", "disagreements");
        var stories = Stories(folder, Read(folder));
        var view = new StoryViewBuilder().Build("longsor-bukit-jarum", stories["longsor-bukit-jarum"], 1);

        var time = Assert.Single(view.Disagreements, static d => d.Counts == "waktu");
        Assert.Contains(time.Values, static v => v.Value.StartsWith("Kamis (16/10/2025)", StringComparison.Ordinal) && v.Citations.Any(static c => c.Outlet == "antarprov"));
        Assert.Contains(time.Values, static v => v.Value.StartsWith("Jumat (17/10/2025)", StringComparison.Ordinal) && v.Citations.Any(static c => c.Outlet == "suarapagi.co.id"));
    }

    [Fact]
    public void Should_not_pair_different_quantities_of_a_sample_story()
    {
        var stories = Stories(SampleCorpus.Folder, SampleCorpus.Articles());

        var lamaru = new StoryViewBuilder().Build("banjir-lamaru", stories["banjir-lamaru"], 1);
        var ambalang = new StoryViewBuilder().Build("erupsi-gunung-ambalang", stories["erupsi-gunung-ambalang"], 1);
        var wolo = new StoryViewBuilder().Build("banjir-wolo", stories["banjir-wolo"], 1);

        // The peak of evacuees: about 3,000 against 3,420, and nothing else (12 villages against the age of a resident).
        var peak = Assert.Single(lamaru.Disagreements);
        Assert.Equal("pengungsi", peak.Counts);
        Assert.Equal([3000m, 3420m], peak.Values.Select(static v => v.Number).Order());
        // Residents asked to be ready for evacuation, then evacuated: an update; two dead then three: an update.
        Assert.Empty(ambalang.Disagreements);
        Assert.Empty(wolo.Disagreements);
    }

    [Fact]
    public void Should_dispute_the_start_of_trial_runs_dated_differently_by_two_outlets()
    {
        // Given two reports of the trial runs' start, the second dating it "awal Juli" (annotated as the temporal tagger should: 2025-07)
        var first = Dated("a-1", "suarapagi.co.id", new DateTimeOffset(2025, 7, 1, 9, 20, 0, TimeSpan.FromHours(7)),
            "Jalur kereta api yang menghubungkan pusat Kota Tanjung Seruni dengan Bandara Rantau Gading, Sumatera Utara, mulai menjalani uji coba tanpa penumpang pada Senin (30/6/2025).",
            "Senin (30/6/2025)", "2025-06-30");
        var second = Dated("a-2", "beritakota.net", new DateTimeOffset(2025, 7, 30, 10, 5, 0, TimeSpan.FromHours(7)),
            "Sejak uji coba awal Juli lalu, warga mengaku beberapa kali nyaris tertabrak.", "awal Juli lalu", "2025-07");

        // When the story's view is built
        var view = new StoryViewBuilder().Build("s-seruni", [first, second], 1);

        // Then the two dates of one event are a disagreement, each with its outlet
        var start = Assert.Single(view.Disagreements);
        Assert.Equal("waktu", start.Counts);
        Assert.Equal(["suarapagi.co.id", "beritakota.net"], start.Values.Select(static v => Assert.Single(v.Citations).Outlet));
    }

    [Fact]
    public void Should_not_dispute_a_clock_time_within_the_part_of_the_day_another_report_gives()
    {
        var first = Dated("b-1", "antarprov", new DateTimeOffset(2025, 10, 18, 10, 20, 0, TimeSpan.FromHours(7)),
            "Longsor terjadi pada Kamis (16/10/2025) malam setelah hujan deras.", "Kamis (16/10/2025) malam", "2025-10-16TNI");
        var second = Dated("b-2", "kabarnusa.id", new DateTimeOffset(2025, 10, 18, 14, 0, 0, TimeSpan.FromHours(7)),
            "Longsor terjadi pada Kamis (16/10/2025) pukul 21.30 WIB.", "Kamis (16/10/2025) pukul 21.30 WIB", "2025-10-16T21:30");

        var view = new StoryViewBuilder().Build("s-longsor", [first, second], 1);

        Assert.Empty(view.Disagreements);
    }

    private static Article Dated(string id, string outlet, DateTimeOffset published, string body, string timeText, string value) =>
        new()
        {
            Id = id,
            Title = "Uji coba",
            Outlet = outlet,
            Language = "id",
            Published = new PublicationTime(published, TimePrecision.Minute),
            Paragraphs = [body],
            Source = id + ".txt",
            Annotations = new ArticleAnnotations([], [new TemporalExpression(body.IndexOf(timeText, StringComparison.Ordinal), timeText.Length, timeText,
                value.Contains('T', StringComparison.Ordinal) ? TimexType.Time : TimexType.Date, value)], []),
        };

    [Fact]
    public void Should_round_trip_a_view_through_its_stored_json()
    {
        var view = new StoryViewBuilder().Build("s-kim", Seeds.Value, 3);

        var back = StoryViewJson.Deserialize(StoryViewJson.Serialize(view));

        Assert.Equal(StoryViewJson.Serialize(view), StoryViewJson.Serialize(back));
        Assert.NotEmpty(back.Timeline);
    }
}
