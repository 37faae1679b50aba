using System.Text;
using Warta.Core.Sources;
using Xunit;

namespace Warta.Core.Tests.Sources;

public sealed class RobotsTxtTests
{
    // The example of RFC 9309 §5.1.
    private const string RfcExample = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        EOF
        """;

    [Theory]
    [InlineData("foobot", "/example/page.html", true)]
    [InlineData("foobot", "/example/allowed.gif", true)]
    [InlineData("foobot", "/example/other.html", false)]
    [InlineData("FOOBOT", "/anything", false)]
    [InlineData("barbot", "/example/page.html", false)]
    [InlineData("bazbot", "/example/page.html", false)]
    [InlineData("bazbot", "/example/other.html", true)]
    [InlineData("quxbot", "/example/page.html", true)]
    [InlineData("WartaBot", "/picture.gif", false)]
    [InlineData("WartaBot", "/picture.gif?size=2", true)]
    [InlineData("WartaBot", "/example/", false)]
    [InlineData("WartaBot", "/publications/2025", true)]
    [InlineData("WartaBot", "/berita/1", true)]
    public void The_rfc_example_is_read_as_the_rfc_says(string agent, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(RfcExample, agent).IsAllowed(path));

    [Theory]
    [InlineData("/example/page/", true)]
    [InlineData("/example/page/disallowed.gif", false)]
    [InlineData("/example/page/other.gif", true)]
    public void The_longest_matching_pattern_wins(string path, bool allowed)
    {
        var robots = RobotsTxt.Parse("user-agent: *\nallow: /example/page/\ndisallow: /example/page/disallowed.gif\n", "WartaBot");
        Assert.Equal(allowed, robots.IsAllowed(path));
    }

    [Fact]
    public void An_allow_and_a_disallow_of_equal_length_resolve_to_allow()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /berita\nAllow: /berita\n", "WartaBot");
        Assert.True(robots.IsAllowed("/berita/banjir"));
    }

    [Fact]
    public void An_indonesian_outlet_file_keeps_search_and_tracking_variants_out_and_gives_its_delay_and_sitemaps()
    {
        const string file = """
            # robots.txt untuk news.contoh.id
            User-agent: *
            Disallow: /search
            Disallow: /*?tag_from=
            Allow: /search/berita$
            Crawl-delay: 2

            User-agent: Googlebot-News
            Allow: /

            Sitemap: https://news.contoh.id/sitemap-news.xml
            Sitemap: ftp://news.contoh.id/not-a-sitemap
            """;
        var robots = RobotsTxt.Parse(file.Replace("\n", "\r\n", StringComparison.Ordinal), "WartaBot");
        Assert.False(robots.IsAllowed("/search?q=banjir"));
        Assert.True(robots.IsAllowed("/search/berita"));
        Assert.False(robots.IsAllowed("/search/berita/lain"));
        Assert.False(robots.IsAllowed("/berita/d-123/banjir-lamaru?tag_from=wp_hl"));
        Assert.True(robots.IsAllowed("/berita/d-123/banjir-lamaru"));
        Assert.Equal(TimeSpan.FromSeconds(2), robots.CrawlDelay);
        Assert.Equal(["https://news.contoh.id/sitemap-news.xml"], robots.Sitemaps);
    }

    [Theory]
    [InlineData("/foo/bar?baz=quz", "/foo/bar?baz=quz")]
    [InlineData("/foo/bar%3C", "/foo/bar%3C")]
    [InlineData("/foo/bar%3c", "/foo/bar%3C")]
    [InlineData("/foo/%62ar", "/foo/bar")]
    [InlineData("/berita/kota-ü", "/berita/kota-%C3%BC")]
    public void Percent_encoding_is_compared_in_one_form(string raw, string normalized) =>
        Assert.Equal(normalized, RobotsTxt.NormalizePath(raw));

    [Fact]
    public void A_rule_written_with_raw_non_ascii_matches_the_encoded_url()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /berita/kota-ü\n", "WartaBot");
        Assert.False(robots.IsAllowed(new Uri("https://contoh.id/berita/kota-%C3%BC/1")));
    }

    [Fact]
    public void Robots_txt_itself_is_always_allowed_and_an_unreachable_file_disallows_the_rest()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow: /\n", "WartaBot").IsAllowed("/robots.txt"));
        Assert.False(RobotsTxt.Parse("User-agent: *\nDisallow: /\n", "WartaBot").IsAllowed("/"));
        Assert.True(RobotsTxt.DisallowAll.IsAllowed("/robots.txt"));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("/berita/1"));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/berita/1"));
    }

    [Fact]
    public void Rules_before_any_user_agent_and_empty_disallows_are_no_rules()
    {
        var robots = RobotsTxt.Parse("Disallow: /\nUser-agent: *\nDisallow:\n", "WartaBot");
        Assert.True(robots.IsAllowed("/berita/1"));
    }

    [Fact]
    public void Only_the_first_512_kib_are_read_so_a_huge_file_costs_bounded_work()
    {
        var text = new StringBuilder("User-agent: *\nDisallow: /early\n");
        while (text.Length < RobotsTxt.MaxParsedBytes + 1000) text.Append("# padding padding padding padding padding padding\n");
        text.Append("Disallow: /late\n");
        var robots = RobotsTxt.Parse(text.ToString(), "WartaBot");
        Assert.False(robots.IsAllowed("/early"));
        Assert.True(robots.IsAllowed("/late"));
    }

    [Fact]
    public void Wildcards_do_not_backtrack_exponentially()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b$\n", "WartaBot");
        Assert.True(robots.IsAllowed("/" + new string('a', 5000)));
        Assert.False(robots.IsAllowed("/" + new string('a', 5000) + "b"));
    }
}
