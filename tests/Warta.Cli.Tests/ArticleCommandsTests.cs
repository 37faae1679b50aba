using System.Text.Json;
using Warta.Core.Model;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class ArticleCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _db;
    private readonly Article _annotated;

    public ArticleCommandsTests()
    {
        _db = _folder.File("w.db");
        _annotated = SampleArticles.Make("abc123", "2019-04-23T09:15", "Korut uji rudal", "kompas.com") with
        {
            Authors = ["Ayu Lestari"],
            Provenance = new Dictionary<string, string> { ["title"] = "title-line", ["published"] = "date-line" },
            Annotations = new ArticleAnnotations(
                [new EntityMention(0, 5, "Korut", EntityType.Place, "place:korea utara", "Korea Utara")],
                [new TemporalExpression(10, 5, "Senin", TimexType.Date, "2019-04-22")],
                [new Quote(20, 9, "Kami siap", "Kim", null, null, QuoteKind.Direct, "kata")]),
        };
        using var store = new SqliteStore(_db);
        store.TryAddRange([
            SampleArticles.Make("zz9", title: "Tanpa tanggal", outlet: ""),
            _annotated,
            SampleArticles.Make("abd456", "2019-04-22T18:00", "Banjir Bekasi", "tirto.id"),
        ]);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_list_articles_as_a_table_oldest_first_with_undated_last()
    {
        var result = WartaInProcess.Run("articles", "--db", _db);

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutputLines;
        Assert.Matches(@"^ID\s+PUBLISHED\s+OUTLET\s+TITLE$", lines[0]);
        Assert.Matches(@"^abd456\s+2019-04-22T18:00\+07:00\s+tirto\.id\s+Banjir Bekasi$", lines[1]);
        Assert.Matches(@"^abc123\s+2019-04-23T09:15\+07:00\s+kompas\.com\s+Korut uji rudal$", lines[2]);
        Assert.Matches(@"^zz9\s+-\s+-\s+Tanpa tanggal$", lines[3]);
        Assert.Equal("3 articles", lines[4]);
    }

    [Fact]
    public void Should_list_articles_as_json_with_fixed_properties_and_iso_times()
    {
        var result = WartaInProcess.Run("articles", "--json", "--db", _db);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        var items = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["abd456", "abc123", "zz9"], items.Select(static i => i.GetProperty("id").GetString()));
        Assert.All(items, item => Assert.Equal(
            ["id", "published", "publishedPrecision", "outlet", "title"],
            item.EnumerateObject().Select(static p => p.Name)));
        Assert.Equal("2019-04-23T09:15:00+07:00", items[1].GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("published").ValueKind);
    }

    [Fact]
    public void Should_show_an_article_found_by_a_unique_id_prefix_with_provenance_and_annotations()
    {
        var result = WartaInProcess.Run("article", "abc", "--db", _db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("id:        abc123", result.OutputLines);
        Assert.Contains(result.OutputLines, static l => l.StartsWith("title:", StringComparison.Ordinal) && l.EndsWith("[from title-line]", StringComparison.Ordinal));
        Assert.Contains("Hujan deras sejak pagi.", result.OutputLines);
        Assert.Contains(result.OutputLines, static l => l.Contains("Korut → Korea Utara (place, place:korea utara)", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, static l => l.Contains("Senin → 2019-04-22 (date)", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, static l => l.Contains("“Kami siap” — Kim (direct, kata)", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_print_the_full_article_as_its_stable_json()
    {
        var result = WartaInProcess.Run("article", "abc123", "--json", "--db", _db);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ArticleJson.Serialize(_annotated), result.Output.TrimEnd('\n'));
    }

    [Fact]
    public void Should_exit_2_listing_candidates_when_a_prefix_is_ambiguous_and_1_when_nothing_matches()
    {
        var ambiguous = WartaInProcess.Run("article", "ab", "--db", _db);
        var unknown = WartaInProcess.Run("article", "nope", "--db", _db);

        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("abc123, abd456", ambiguous.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'nope'", unknown.Error, StringComparison.Ordinal);
    }
}
