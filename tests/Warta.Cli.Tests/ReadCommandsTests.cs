using System.Text.Json;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class ReadCommandsTests : IDisposable
{
    private const string Hostile = "Banjir \u001b]0;x\u0007Bekasi \u001b[31mmerah\u001b[0m\u009b2J";

    private static readonly DateTimeOffset Monday = new(2019, 4, 22, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly TempFolder _folder = new();
    private readonly string _db;

    public ReadCommandsTests()
    {
        _db = _folder.File("w.db");
        using var store = new SqliteStore(_db);
        store.TryAddRange([
            SampleArticles.Make("a1", "2019-04-22T08:00", Hostile, "kompas.com") with
            {
                Annotations = new ArticleAnnotations([new EntityMention(0, 6, "Bekasi", EntityType.Place, "place:bekasi", "Bekasi")], [], []),
            },
            SampleArticles.Make("a2", "2019-04-22T09:00", "Gempa Lombok", "tirto.id") with
            {
                Annotations = new ArticleAnnotations([new EntityMention(0, 6, "Lombok", EntityType.Place, "place:lombok", "Lombok")], [], []),
            },
        ]);
        store.CommitAsync(new PlacementBatch(
            [],
            [new("a1", "s-ab1", null, 0), new("a2", "s-ab2", null, 0)],
            [new("s-ab1", Hostile, 1, ["kompas.com"], Monday, Monday), new("s-ab2", "Gempa Lombok", 1, ["tirto.id"], Monday, Monday)],
            [])).GetAwaiter().GetResult();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_exit_2_naming_the_candidates_when_a_story_prefix_is_ambiguous_and_1_when_nothing_matches()
    {
        var ambiguous = WartaInProcess.Run("--db", _db, "story", "s-ab");
        var unknown = WartaInProcess.Run("--db", _db, "story", "s-zz");
        var unique = WartaInProcess.Run("--db", _db, "story", "s-ab2");

        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Equal("warta: 's-ab' names 2 stories: s-ab1, s-ab2", Assert.Single(ambiguous.ErrorLines));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("warta: no story 's-zz'", Assert.Single(unknown.ErrorLines));
        Assert.Equal(0, unique.ExitCode);
        Assert.StartsWith("s-ab2  Gempa Lombok", unique.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_print_an_entity_with_its_stories_as_json()
    {
        var result = WartaInProcess.Run("--db", _db, "entity", "lombok", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var entity = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("place:lombok", entity.GetProperty("id").GetString());
        Assert.Equal("place", entity.GetProperty("type").GetString());
        Assert.Equal(1, entity.GetProperty("mentions").GetInt32());
        var story = Assert.Single(entity.GetProperty("stories").EnumerateArray().ToList());
        Assert.Equal("s-ab2", story.GetProperty("id").GetString());
        Assert.Equal("Gempa Lombok", story.GetProperty("headline").GetString());
        Assert.Equal(1, WartaInProcess.Run("--db", _db, "entity", "Surabaya", "--json").ExitCode);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("article", "a1")]
    [InlineData("stories")]
    [InlineData("story", "s-ab1")]
    public void Should_print_control_characters_of_stored_text_as_escapes_in_text_output(params string[] command)
    {
        var result = WartaInProcess.Run(["--db", _db, .. command]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Banjir \\u001b]0;x\\u0007Bekasi \\u001b[31mmerah\\u001b[0m\\u009b2J", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Output, static c => c is '\u001b' or '\u0007' or '\u009b');
    }

    [Fact]
    public async Task Should_write_story_article_times_as_full_iso_instants_with_their_precision_in_a_separate_field()
    {
        var db = _folder.File("times.db");
        using (var store = new SqliteStore(db))
        {
            var day = SampleArticles.Make("d1", "2025-04-29T00:00") with { Published = new PublicationTime(new DateTimeOffset(2025, 4, 29, 0, 0, 0, TimeSpan.FromHours(7)), TimePrecision.Day) };
            var minute = SampleArticles.Make("m1") with { Published = new PublicationTime(new DateTimeOffset(2025, 9, 5, 11, 25, 0, TimeSpan.FromHours(8)), TimePrecision.Minute) };
            store.TryAddRange([day, minute]);
            var first = new DateTimeOffset(2025, 4, 29, 0, 0, 0, TimeSpan.FromHours(7));
            await store.CommitAsync(
                new PlacementBatch(
                    [],
                    [new("d1", "s-t1", null, 0), new("m1", "s-t1", null, 0)],
                    [new("s-t1", "Banjir", 2, ["tirto.id"], first, minute.Published!.Value.Value)],
                    []),
                TestContext.Current.CancellationToken);
        }

        var result = WartaInProcess.Run("--db", db, "story", "s-t1", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var articles = json.RootElement.GetProperty("articles").EnumerateArray()
            .ToDictionary(static a => a.GetProperty("id").GetString()!, static a => (a.GetProperty("published").GetString(), a.GetProperty("publishedPrecision").GetString()));
        Assert.Equal(("2025-04-29T00:00:00+07:00", "day"), articles["d1"]);
        Assert.Equal(("2025-09-05T11:25:00+08:00", "minute"), articles["m1"]);
        Assert.Equal("2025-04-29T00:00:00+07:00", json.RootElement.GetProperty("story").GetProperty("firstPublished").GetString());
    }

    [Fact]
    public void Should_keep_control_characters_in_json_output_escaped_by_the_json_writer()
    {
        var result = WartaInProcess.Run("--db", _db, "stories", "--json");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(Hostile, json.RootElement[0].GetProperty("headline").GetString());
        Assert.DoesNotContain("\u001b", result.Output, StringComparison.Ordinal);
    }
}
