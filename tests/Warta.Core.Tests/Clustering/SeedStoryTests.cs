using Warta.Core.Clustering;
using Warta.Core.Ingestion;
using Warta.Evaluation.Clustering;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Clustering;

public class SeedStoryTests
{
    private static readonly string[] Seeds = ["seeds/tirto-2019-04-23-kim-rusia.txt", "seeds/rakyatku-2019-03-26-kim-rusia.txt"];

    [Fact]
    public void Should_place_the_two_Kim_Jong_Un_reports_a_month_apart_in_one_story()
    {
        // Given the rakyatku report of a planned visit (26 March) and the tirto report of its confirmation (23 April)
        var ingestor = new ArticleIngestor();
        var articles = Seeds
            .Select(SharedData.PathOf)
            .Select(path => ingestor.Read(new RawDocument(path, File.ReadAllBytes(path))).Single().Article!)
            .ToList();

        // When they stream through the clusterer in publication order
        var clusterer = new StoryClusterer();
        var analyzer = Analyzers.Default;
        var assignments = StreamOrder.Sort(articles)
            .Select(a => clusterer.Add(a, analyzer.Analyze(Tokenizer.Tokenize(a.Title), a.Language), analyzer.Analyze(Tokenizer.Tokenize(a.Body), a.Language)).Assignment)
            .ToList();

        // Then the later one joins the story the earlier one started, and is no copy
        Assert.Equal(assignments[0].StoryId, assignments[1].StoryId);
        Assert.Equal("s-" + assignments[0].ArticleId, assignments[0].StoryId);
        Assert.Null(assignments[1].CopyOfArticleId);
        Assert.True(assignments[1].Similarity > 0);
    }
}
