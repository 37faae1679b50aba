using System.Text.Json;
using CsCheck;
using Warta.Core.Model;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Model;

public sealed class ArticleJsonTests
{
    [Fact]
    public void Should_write_properties_in_the_documented_order_with_iso_times()
    {
        var article = SampleArticles.Make("abc", "2019-03-26T20:34") with
        {
            Provenance = new Dictionary<string, string> { ["title"] = "title-line", ["outlet"] = "dateline" },
        };

        using var doc = JsonDocument.Parse(ArticleJson.Serialize(article));

        Assert.Equal(
            ["id", "published", "publishedPrecision", "outlet", "title", "language", "authors", "url", "source", "provenance", "paragraphs", "annotations"],
            doc.RootElement.EnumerateObject().Select(static p => p.Name));
        Assert.Equal("2019-03-26T20:34:00+07:00", doc.RootElement.GetProperty("published").GetString());
        Assert.Equal("minute", doc.RootElement.GetProperty("publishedPrecision").GetString());
        Assert.Equal(["outlet", "title"], doc.RootElement.GetProperty("provenance").EnumerateObject().Select(static p => p.Name));
    }

    [Fact]
    public void Should_give_equal_text_for_equal_articles_and_valid_json_for_any_article()
    {
        ArticleGenerators.Article.Sample(article =>
        {
            var copy = article with { Paragraphs = [.. article.Paragraphs], Provenance = article.Provenance.Reverse().ToDictionary() };
            var json = ArticleJson.Serialize(article);

            Assert.Equal(json, ArticleJson.Serialize(copy));
            using var doc = JsonDocument.Parse(json);
            Assert.Equal(article.Paragraphs, doc.RootElement.GetProperty("paragraphs").EnumerateArray().Select(static p => p.GetString()));
        }, iter: 100);
    }

    [Fact]
    public void Should_write_nulls_for_an_unknown_publication_time()
    {
        using var doc = JsonDocument.Parse(ArticleJson.Serialize(SampleArticles.Make("x")));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("published").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("publishedPrecision").ValueKind);
    }
}
