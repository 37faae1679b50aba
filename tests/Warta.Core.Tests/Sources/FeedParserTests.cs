using System.Text;
using Warta.Core.Sources;
using Xunit;

namespace Warta.Core.Tests.Sources;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://www.contoh-berita.id/rss/nasional");

    private static Feed Parse(string text, Uri? at = null) => FeedParser.Parse(Encoding.UTF8.GetBytes(text), at ?? FeedUrl);

    [Fact]
    public void A_wordpress_style_rss_feed_gives_links_titles_indonesian_dates_and_dc_creator()
    {
        const string rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Contoh Berita - Nasional</title>
                <link>https://www.contoh-berita.id/</link>
                <item>
                  <title><![CDATA[Sungai Lamaru Meluap, 12 Desa Terendam]]></title>
                  <link>https://www.contoh-berita.id/nasional/2025/02/24/sungai-lamaru-meluap?utm_source=rss</link>
                  <guid isPermaLink="false">cb-881234</guid>
                  <pubDate>Senin, 24 Feb 2025 10:15:00 +0700</pubDate>
                  <dc:creator><![CDATA[Rina Wulandari]]></dc:creator>
                </item>
                <item>
                  <title>BPBD Lamaru Dirikan 8 Posko Pengungsian</title>
                  <link>/nasional/2025/02/24/bpbd-posko</link>
                  <pubDate>Mon, 24 Feb 2025 13:40:00 +0700</pubDate>
                  <author>redaksi@contoh-berita.id (Ahmad Fauzi)</author>
                </item>
                <item>
                  <title>Tanpa tautan</title>
                  <link>javascript:alert(1)</link>
                </item>
              </channel>
            </rss>
            """;
        var feed = Parse(rss);
        Assert.Equal(FeedKind.Rss, feed.Kind);
        Assert.Equal("Contoh Berita - Nasional", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(1, feed.Skipped);
        var first = feed.Items[0];
        Assert.Equal("Sungai Lamaru Meluap, 12 Desa Terendam", first.Title);
        Assert.Equal("Rina Wulandari", first.Author);
        Assert.Equal(new DateTimeOffset(2025, 2, 24, 10, 15, 0, TimeSpan.FromHours(7)), first.Published?.Value);
        Assert.Equal("https://www.contoh-berita.id/nasional/2025/02/24/bpbd-posko", feed.Items[1].Url);
        Assert.Equal("Ahmad Fauzi", feed.Items[1].Author);
        Assert.Equal(new DateTimeOffset(2025, 2, 24, 13, 40, 0, TimeSpan.FromHours(7)), feed.Items[1].Published?.Value);
    }

    [Fact]
    public void An_unreadable_date_leaves_the_item_undated_instead_of_failing_the_feed()
    {
        var feed = Parse("""<rss version="2.0"><channel><title>x</title><item><title>a</title><link>https://contoh.id/a</link><pubDate>kemarin sore</pubDate></item></channel></rss>""");
        var item = Assert.Single(feed.Items);
        Assert.Null(item.Published);
    }

    [Fact]
    public void An_atom_feed_is_read_with_its_author_and_updated_time()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Kabar Nusa</title>
              <id>urn:kabarnusa</id>
              <updated>2025-03-04T09:20:00+08:00</updated>
              <entry>
                <title>Status Gunung Ambalang Naik Jadi Siaga</title>
                <id>urn:kabarnusa:771</id>
                <link rel="alternate" href="https://kabarnusa.id/daerah/771/gunung-ambalang-siaga"/>
                <updated>2025-03-04T09:20:00+08:00</updated>
                <author><name>Made Sudarsana</name></author>
              </entry>
            </feed>
            """;
        var feed = Parse(atom);
        Assert.Equal(FeedKind.Atom, feed.Kind);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("https://kabarnusa.id/daerah/771/gunung-ambalang-siaga", entry.Url);
        Assert.Equal("Made Sudarsana", entry.Author);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 20, 0, TimeSpan.FromHours(8)), entry.Published?.Value);
    }

    [Fact]
    public void A_json_feed_is_read_with_item_or_feed_authors()
    {
        const string json = """
            {"version":"https://jsonfeed.org/version/1.1","title":"Warta Timur","authors":[{"name":"Redaksi"}],
             "items":[{"id":"1","url":"https://wartatimur.com/1","title":"Harga Cabai Naik","date_published":"2025-03-01T08:00:00+09:00"},
                      {"id":"2","url":"https://wartatimur.com/2","title":"Kapal Tertahan","authors":[{"name":"Yohana"}]},
                      {"id":"3","title":"no url"}]}
            """;
        var feed = Parse(json);
        Assert.Equal(FeedKind.JsonFeed, feed.Kind);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(1, feed.Skipped);
        Assert.Equal("Redaksi", feed.Items[0].Author);
        Assert.Equal("Yohana", feed.Items[1].Author);
        Assert.Equal(TimeSpan.FromHours(9), feed.Items[0].Published?.Value.Offset);
    }

    [Fact]
    public void A_news_sitemap_gives_publication_dates_and_titles_and_an_index_lists_its_sitemaps()
    {
        const string sitemap = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url>
                <loc>https://beritakota.net/read/2025/02/24/banjir-lamaru</loc>
                <news:news>
                  <news:publication><news:name>Berita Kota</news:name><news:language>id</news:language></news:publication>
                  <news:publication_date>2025-02-24T11:05:00+08:00</news:publication_date>
                  <news:title>Banjir Lamaru, Ribuan Warga Mengungsi</news:title>
                </news:news>
              </url>
              <url><loc>https://beritakota.net/read/2025/02/23/lain</loc><lastmod>2025-02-23</lastmod></url>
            </urlset>
            """;
        var feed = Parse(sitemap);
        Assert.Equal(FeedKind.Sitemap, feed.Kind);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("Banjir Lamaru, Ribuan Warga Mengungsi", feed.Items[0].Title);
        Assert.Equal(new DateTimeOffset(2025, 2, 24, 11, 5, 0, TimeSpan.FromHours(8)), feed.Items[0].Published?.Value);
        Assert.Equal(new DateTime(2025, 2, 23), feed.Items[1].Published?.Value.Date);

        var index = Parse("""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://beritakota.net/sitemap-news.xml</loc></sitemap><sitemap><loc>sitemap-2.xml</loc></sitemap></sitemapindex>""",
            new Uri("https://beritakota.net/sitemap.xml"));
        Assert.Equal(FeedKind.SitemapIndex, index.Kind);
        Assert.Equal(["https://beritakota.net/sitemap-news.xml", "https://beritakota.net/sitemap-2.xml"], index.Sitemaps);
    }

    [Theory]
    [InlineData("", "empty document")]
    [InlineData("<html><body>not a feed</body></html>", "<html> is not a feed")]
    [InlineData("<rss version=\"2.0\"><channel><item><title>a</title></item>", "malformed XML at line 1")]
    [InlineData("{\"items\":[]}", "without a JSON Feed version")]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1.1\",", "malformed JSON Feed")]
    public void A_document_that_is_not_a_feed_is_a_clear_error_naming_its_url(string text, string expected)
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse(text));
        Assert.Contains(FeedUrl.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
            <rss version="2.0"><channel><title>&xxe;</title><item><title>a</title><link>https://contoh.id/a</link></item></channel></rss>
            """;
        // Either refused as malformed or read without the entity: never the file's content.
        try
        {
            var feed = Parse(xxe);
            Assert.DoesNotContain(File.Exists("/etc/hostname") ? File.ReadAllText("/etc/hostname").Trim() : "\u0000", feed.Title ?? "", StringComparison.Ordinal);
        }
        catch (FeedFormatException error)
        {
            Assert.Contains("malformed XML", error.Message, StringComparison.Ordinal);
        }
    }
}
