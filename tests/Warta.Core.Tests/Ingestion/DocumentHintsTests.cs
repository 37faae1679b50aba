using System.Text;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

public sealed class DocumentHintsTests
{
    private const string PageWithMeta = """
        <!doctype html><html lang="id"><head><meta charset="utf-8"><title>Banjir rendam Bekasi</title>
        <meta name="author" content="Nama Dari Halaman"><meta property="article:published_time" content="2026-11-30T10:00:00+07:00"></head>
        <body><article><h1>Banjir rendam Bekasi</h1><p>BEKASI — Banjir merendam enam kecamatan di Bekasi setelah hujan deras semalaman, ribuan warga mengungsi.</p></article></body></html>
        """;

    private const string PageWithoutMeta = """
        <!doctype html><html lang="id"><head><meta charset="utf-8"><title>Banjir rendam Bekasi</title></head>
        <body><article><h1>Banjir rendam Bekasi</h1><p>BEKASI — Banjir merendam enam kecamatan di Bekasi setelah hujan deras semalaman, ribuan warga mengungsi.</p></article></body></html>
        """;

    private static readonly DocumentHints Hints = new(
        "https://contoh.id/berita/banjir-bekasi", "Judul dari feed", new PublicationTime(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7)), TimePrecision.Second),
        "Nama Dari Feed", "contoh.id");

    private static Article Read(string html) =>
        new ArticleIngestor().Read(new RawDocument("https://contoh.id/berita/banjir-bekasi", Encoding.UTF8.GetBytes(html)) { Hints = Hints }).Single().Article!;

    [Fact]
    public void The_feed_fills_what_the_page_does_not_say_with_feed_item_provenance()
    {
        var article = Read(PageWithoutMeta);

        Assert.Equal("Nama Dari Feed", Assert.Single(article.Authors));
        Assert.Equal("feed-item", article.Provenance["authors"]);
        Assert.Equal(Hints.Published!.Value.Value, article.Published!.Value.Value);
        Assert.Equal("feed-item", article.Provenance["published"]);
        Assert.Equal("https://contoh.id/berita/banjir-bekasi", article.Url);
    }

    [Fact]
    public void The_pages_own_metadata_wins_over_the_feed()
    {
        var article = Read(PageWithMeta);

        Assert.Equal("Nama Dari Halaman", Assert.Single(article.Authors));
        Assert.Equal("html-meta", article.Provenance["authors"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(7)), article.Published!.Value.Value);
        Assert.Equal("Banjir rendam Bekasi", article.Title);
    }
}
