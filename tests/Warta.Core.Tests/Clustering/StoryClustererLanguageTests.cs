using System.Text.Json;
using Warta.Core.Clustering;
using Warta.Core.Entities;
using Warta.Core.Extraction;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Testing;
using Xunit;
using static Warta.Core.Tests.Clustering.StreamArticles;

namespace Warta.Core.Tests.Clustering;

/// <summary>Reports of one event in another language join its story on the specifics they share; a same-kind other event does not.</summary>
public class StoryClustererLanguageTests
{
    /// <summary>The hard-case reports of the given stories in publication order, language detected and annotated as ingest does.</summary>
    private static List<(string Story, Article Article)> Stream(params string[] stories)
    {
        var annotation = new AnnotationStage(EntityTagger.Shipped);
        var reports = new List<(string Story, Article Article)>();
        foreach (var line in File.ReadLines(RepoPaths.Combine("samples", "hardcases", "hardcases.jsonl")))
        {
            var record = JsonDocument.Parse(line).RootElement;
            var story = record.GetProperty("story").GetString()!;
            if (!stories.Contains(story)) continue;
            var title = record.GetProperty("title").GetString()!;
            var text = record.GetProperty("text").GetString()!;
            var article = Make($"{story}-{reports.Count(r => r.Story == story)}", title, text,
                DateTimeOffset.Parse(record.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                record.GetProperty("outlet").GetString()!, LanguageDetector.Detect(title + "\n" + text));
            reports.Add((story, annotation.Process(article)));
        }
        return reports;
    }

    private static Dictionary<string, StoryAssignment> Cluster(List<(string Story, Article Article)> reports, StoryClustererOptions options)
    {
        var clusterer = new StoryClusterer(options);
        return reports.ToDictionary(static r => r.Article.Id, r => Place(clusterer, r.Article).Assignment);
    }

    [Fact]
    public void Should_join_an_English_report_to_its_Indonesian_story_and_not_to_the_same_week_flood_elsewhere()
    {
        // Given the two same-week floods, one of them also told by an English wire report (names, places and numbers only in common)
        var reports = Stream("banjir-rampa-hulu", "banjir-sembung");
        var english = reports.Single(static r => r.Article.Language == "en").Article;
        Assert.Equal("banjir-rampa-hulu", reports.Single(r => r.Article == english).Story);

        // When they are placed with the cross-language score, and without it
        var joined = Cluster(reports, new StoryClustererOptions());
        var alone = Cluster(reports, new StoryClustererOptions { CrossLanguageThreshold = 0 });

        // Then the English report joins the Rampa Hulu story; scored as any other pair it starts its own
        Assert.Equal(joined["banjir-rampa-hulu-0"].StoryId, joined[english.Id].StoryId);
        Assert.NotEqual(joined["banjir-sembung-0"].StoryId, joined[english.Id].StoryId);
        Assert.Equal("s-" + english.Id, alone[english.Id].StoryId);
    }

    [Fact]
    public void Should_keep_an_English_report_of_a_third_arrest_apart_from_two_Indonesian_arrest_stories_with_the_same_spokesperson()
    {
        // Given two KPK arrests of two regents in one week, then an English report of a third (another regent, the same spokesperson)
        var reports = Stream("ott-bupati-tanah-merapi", "ott-bupati-pangkalan-jati", "ott-bupati-batu-kelawit");
        var trap = reports.Single(static r => r.Story == "ott-bupati-batu-kelawit").Article;
        Assert.Equal("en", trap.Language);

        // When they are placed, with the cross-language person check and without it
        var placed = Cluster(reports, new StoryClustererOptions());
        var unchecked_ = Cluster(reports, new StoryClustererOptions { CrossLanguagePersonAgreement = 0 });

        // Then the third arrest starts its own story; only the disagreeing people keep it out
        Assert.Equal("s-" + trap.Id, placed[trap.Id].StoryId);
        Assert.NotEqual("s-" + trap.Id, unchecked_[trap.Id].StoryId);
    }
}
