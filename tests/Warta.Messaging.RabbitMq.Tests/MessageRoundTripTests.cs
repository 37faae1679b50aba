using System.Text;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

public sealed class MessageRoundTripTests
{
    [Fact]
    public void Should_keep_every_annotated_sample_article_equal_through_the_wire()
    {
        var articles = SampleCorpus.Articles();
        Assert.Contains(articles, static a => a.Annotations.Entities.Count > 0 && a.Annotations.Quotes.Count > 0);

        foreach (var article in articles)
        {
            var back = ArticleMessage.Decode(ArticleMessage.Encode(article));
            Assert.Equal(ArticleJson.Serialize(article), ArticleJson.Serialize(back));
            Assert.Equal(article.Published, back.Published);
        }
    }

    [Fact]
    public void Should_refuse_an_article_message_whose_id_is_not_the_hash_of_its_content()
    {
        var article = SampleCorpus.Articles()[0];
        var tampered = article with { Title = article.Title + " (diperbarui)" };

        var error = Assert.Throws<InvalidDataException>(() => ArticleMessage.Decode(ArticleMessage.Encode(tampered)));

        Assert.Contains("content hash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_a_page_and_its_feed_hints_through_the_wire()
    {
        var published = new PublicationTime(new DateTimeOffset(2025, 3, 4, 9, 30, 0, TimeSpan.FromHours(8)), TimePrecision.Minute);
        var document = new RawDocument("https://kabarnusa.id/banjir-lamaru", Encoding.UTF8.GetBytes("<html><title>Banjir Lamaru Surut</title></html>"))
        {
            Hints = new DocumentHints("https://kabarnusa.id/banjir-lamaru", "Banjir Lamaru Surut", published, "Rina Marlina", "kabarnusa.id"),
        };

        var back = DocumentMessage.Decode(DocumentMessage.Encode(document));

        Assert.Equal(document.Source, back.Source);
        Assert.Equal(document.Content.ToArray(), back.Content.ToArray());
        Assert.Equal(document.Hints, back.Hints);
        Assert.Equal(TimeSpan.FromHours(8), back.Hints!.Published!.Value.Value.Offset);
    }

    [Fact]
    public void Should_keep_the_revision_a_page_and_its_article_supersede_through_the_wire()
    {
        var document = new RawDocument("https://kabarnusa.id/banjir-lamaru", Encoding.UTF8.GetBytes("<html><title>Banjir Lamaru Surut</title></html>"))
        {
            Hints = new DocumentHints("https://kabarnusa.id/banjir-lamaru", "Banjir Lamaru Surut", null, null, "kabarnusa.id") { Revises = "a1b2c3" },
        };
        var article = SampleCorpus.Articles()[0] with { Revises = "a1b2c3" };

        Assert.Equal("a1b2c3", DocumentMessage.Decode(DocumentMessage.Encode(document)).Hints!.Revises);
        Assert.Equal("a1b2c3", ArticleMessage.Decode(ArticleMessage.Encode(article)).Revises);
    }

    [Theory]
    [InlineData("bukan json")]
    [InlineData("{\"source\": \"a.html\"}")]
    [InlineData("{\"source\": 7, \"content\": \"\"}")]
    [InlineData("[1, 2, 3]")]
    public void Should_refuse_a_message_that_is_not_a_document(string body) =>
        Assert.Throws<InvalidDataException>(() => DocumentMessage.Decode(Encoding.UTF8.GetBytes(body)));
}
