using System.Text.Json;
using Xunit;

namespace Warta.Cli.Tests;

[Collection(SampleCorpusDefinition.Name)]
public sealed class StoryCommandsTests(IngestedSampleCorpus corpus)
{
    [Fact]
    public void Should_list_the_sample_corpus_stories_and_show_one_with_copies_entities_and_quotes()
    {
        // Given the sample corpus ingested into a fresh store
        var db = corpus.Db;

        // When the stories are listed as JSON
        var stories = WartaInProcess.Run("--db", db, "stories", "--json");
        using var list = JsonDocument.Parse(stories.Output);

        // Then there are the corpus's eight stories, the English wire report on the eruption, which shares only names,
        // places and numbers with its Indonesian coverage, joined to it; the Lamaru flood story shows its copy, entities and quotes
        Assert.Equal(8, list.RootElement.GetArrayLength());
        Assert.Equal(1, list.RootElement.EnumerateArray().Count(s => s.GetProperty("articleCount").GetInt32() == 1));
        var lamaru = list.RootElement.EnumerateArray().Single(s => s.GetProperty("headline").GetString()!.Contains("Lamaru", StringComparison.Ordinal));
        var story = WartaInProcess.Run("--db", db, "story", lamaru.GetProperty("id").GetString()!, "--json");
        using var detail = JsonDocument.Parse(story.Output);
        Assert.Equal(7, detail.RootElement.GetProperty("articles").GetArrayLength());
        Assert.Contains(detail.RootElement.GetProperty("articles").EnumerateArray(), a => a.GetProperty("copyOf").ValueKind == JsonValueKind.String);
        Assert.Contains(detail.RootElement.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Sungai Lamaru");
        Assert.NotEqual(0, detail.RootElement.GetProperty("quotes").GetArrayLength());

        var entity = WartaInProcess.Run("--db", db, "entity", "Sungai Lamaru");
        Assert.Equal(0, entity.ExitCode);
        Assert.Contains(lamaru.GetProperty("id").GetString()!, entity.Output, StringComparison.Ordinal);
    }
}
