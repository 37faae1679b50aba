using System.Text.Json;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

/// <summary>
/// Every read command's output on the sample corpus, byte for byte as recorded in Golden/corpus before the read side
/// moved into Core; <c>WARTA_UPDATE_GOLDEN=1</c> rewrites the files (review the diff).
/// </summary>
[Collection(SampleCorpusDefinition.Name)]
public sealed class CorpusGoldenTests(IngestedSampleCorpus corpus)
{
    private static readonly string GoldenFolder = RepoPaths.Combine("tests", "Warta.Cli.Tests", "Golden", "corpus");

    private string Print(params string[] args)
    {
        var result = WartaInProcess.Run(["--db", corpus.Db, .. args]);
        Assert.True(result.ExitCode == 0, $"warta {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result.Output;
    }

    private static void Verify(string name, string actual) => GoldenFile.Verify(Path.Combine(GoldenFolder, name), actual);

    private IReadOnlyList<string> Ids(string command)
    {
        using var list = JsonDocument.Parse(Print(command, "--json"));
        return [.. list.RootElement.EnumerateArray().Select(static e => e.GetProperty("id").GetString()!)];
    }

    /// <summary>The golden files the current outputs name: listings, one pair per story and per article, the entity example.</summary>
    private IReadOnlyList<string> ExpectedNames() =>
    [
        "stories.json", "stories.txt", "articles.json", "articles.txt", "entities.json", "entities.txt", "entity-sungai-lamaru.txt",
        .. Ids("stories").SelectMany(static id => new[] { $"story-{id}.json", $"story-{id}.txt" }),
        .. Ids("articles").SelectMany(static id => new[] { $"article-{id}.json", $"article-{id}.txt" }),
    ];

    [Fact]
    public void Should_list_stories_articles_and_entities_as_recorded()
    {
        Verify("stories.json", Print("stories", "--json"));
        Verify("stories.txt", Print("stories"));
        Verify("articles.json", Print("articles", "--json"));
        Verify("articles.txt", Print("articles"));
        Verify("entities.json", Print("entities", "--json"));
        Verify("entities.txt", Print("entities"));
        Verify("entity-sungai-lamaru.txt", Print("entity", "Sungai Lamaru"));
    }

    [Fact]
    public void Should_show_every_story_as_recorded()
    {
        var ids = Ids("stories");

        Assert.Equal(8, ids.Count);
        foreach (var id in ids)
        {
            Verify($"story-{id}.json", Print("story", id, "--json"));
            Verify($"story-{id}.txt", Print("story", id));
        }
    }

    [Fact]
    public void Should_show_every_article_as_recorded()
    {
        var ids = Ids("articles");

        Assert.Equal(43, ids.Count);
        foreach (var id in ids)
        {
            Verify($"article-{id}.json", Print("article", id, "--json"));
            Verify($"article-{id}.txt", Print("article", id));
        }
    }

    [Fact]
    public void Should_keep_no_golden_file_that_no_output_matches()
    {
        var recorded = Directory.EnumerateFiles(GoldenFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(ExpectedNames().Order(StringComparer.Ordinal), recorded);
    }
}
