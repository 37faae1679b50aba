using System.Net;
using System.Text.RegularExpressions;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests.Pages;

public sealed partial class PagesTests(PagesCorpus served) : IClassFixture<PagesCorpus>
{
    private const string Lamaru = "Sungai Lamaru Meluap, 12 Desa Terendam dan 3.000 Warga Mengungsi";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, string? cookie = null)
    {
        using var client = served.Client(cookie);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        return (response, await response.Content.ReadAsStringAsync(Cancel));
    }

    private async Task<string> StoryIdAsync(string headline)
    {
        var (_, html) = await GetAsync("/");
        var match = Regex.Match(html, "<a href=\"/stories/(s-[0-9a-f]+)\">" + Regex.Escape(WebUtility.HtmlEncode(headline)) + "</a>");
        Assert.True(match.Success, $"Beranda has no link to '{headline}'");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task Beranda_lists_every_current_story_of_the_sample_corpus_with_a_chart_in_indonesian()
    {
        var (response, html) = await GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains("Cerita terkini", html, StringComparison.Ordinal);
        // Eight stories, one merged away by the fixture: seven cards, each with its SVG chart.
        Assert.Equal(7, StoryCards().Count(html));
        Assert.Equal(7, Regex.Count(html, "<svg class=\"chart chart-small\""));
        Assert.Contains(WebUtility.HtmlEncode(Lamaru), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Coffee growers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_story_page_shows_the_brief_with_citations_linking_to_articles_the_timeline_and_the_chart_by_outlet()
    {
        var id = await StoryIdAsync(Lamaru);
        var (response, html) = await GetAsync("/stories/" + id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h2>Ringkasan</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Linimasa</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Pertama dilaporkan oleh", html, StringComparison.Ordinal);
        var brief = html[html.IndexOf("class=\"brief\"", StringComparison.Ordinal)..html.IndexOf("class=\"timeline\"", StringComparison.Ordinal)];
        Assert.Matches("<a class=\"cite\" href=\"/articles/[0-9a-f]{16}\"", brief);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("kabarnusa.id", html, StringComparison.Ordinal);
        // The near-copy by wartatimur.com is folded under its original.
        Assert.Contains("<details class=\"copies\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merged_story_redirects_to_the_story_it_joined()
    {
        var (response, _) = await GetAsync("/stories/" + served.MergedStory);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/stories/" + served.MergedInto, response.Headers.Location?.OriginalString);
        var (joined, html) = await GetAsync("/stories/" + served.MergedInto);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Contains("Coffee growers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_story_or_article_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/stories/s-0000000000000000")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/articles/zzzz")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/entities/person%3Anobody")).Response.StatusCode);
    }

    [Fact]
    public async Task A_second_visit_shows_what_is_new_since_the_article_last_seen_and_the_first_visit_does_not()
    {
        var id = await StoryIdAsync(Lamaru);
        var (first, firstHtml) = await GetAsync("/stories/" + id);
        Assert.DoesNotContain("Baru sejak kunjungan terakhir", firstHtml, StringComparison.Ordinal);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), static c => c.StartsWith("warta-seen=", StringComparison.Ordinal));
        var firstArticle = Regex.Match(firstHtml, "<ol class=\"article-list\">\\s*<li>\\s*<a href=\"/articles/([0-9a-f]{16})\"").Groups[1].Value;
        Assert.NotEmpty(firstArticle);
        var (_, html) = await GetAsync("/stories/" + id, $"warta-seen={id}:{firstArticle}");
        var news = html[html.IndexOf("class=\"whats-new\"", StringComparison.Ordinal)..html.IndexOf("class=\"brief\"", StringComparison.Ordinal)];
        Assert.Contains("Baru sejak kunjungan terakhir", news, StringComparison.Ordinal);
        Assert.Matches("<a class=\"cite\" href=\"/articles/[0-9a-f]{16}\"", news);
    }

    [Fact]
    public async Task The_article_page_shows_where_each_field_came_from_and_highlights_annotations()
    {
        var (_, html) = await GetAsync("/articles/" + served.HostileArticleId);
        Assert.Contains("record-field", html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"ent ent-person\" title=\"person: Nurlaila Rahmah\">Nurlaila Rahmah</span>", html);
        Assert.Matches("<span class=\"tmx\" title=\"date: 2025-03-05\">Rabu \\(5/3/2025\\)</span>", html);
    }

    [Theory]
    [InlineData("/articles/{hostile}")]
    [InlineData("/stories/{story}")]
    [InlineData("/search?q=" + HostileArticle.Marker)]
    [InlineData("/")]
    public async Task A_hostile_article_is_shown_as_text_on_every_page(string path)
    {
        var story = await StoryIdAsync(Lamaru);
        var (response, html) = await GetAsync(path.Replace("{hostile}", served.HostileArticleId, StringComparison.Ordinal).Replace("{story}", story, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        if (path != "/") Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hostile_articles_javascript_url_is_shown_but_not_linked()
    {
        var (_, html) = await GetAsync("/articles/" + served.HostileArticleId);
        Assert.Contains("<td class=\"url\">javascript:alert(document.cookie)</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=banjir")]
    [InlineData("/stories/s-0000000000000000")]
    public async Task Pages_carry_a_strict_content_security_policy_and_nosniff(string path)
    {
        var (response, _) = await GetAsync(path);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_the_assembly_as_css()
    {
        var (response, css) = await GetAsync("/css/warta.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".story-card", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_to_english_sets_the_culture_cookie_and_the_pages_follow_it()
    {
        var (response, _) = await GetAsync("/language/en?returnUrl=%2Fsearch%3Fq%3Dbanjir");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/search?q=banjir", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), static c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var (_, html) = await GetAsync("/", cookie.Split(';')[0]);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Stories developing now", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cerita terkini", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task The_language_switch_never_redirects_off_the_site(string returnUrl)
    {
        var (response, _) = await GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_malformed_search_shows_the_parsers_message_with_its_column_not_an_error_page()
    {
        var (response, html) = await GetAsync("/search?q=" + Uri.EscapeDataString("banjir \"unbalanced"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kueri tidak dapat dibaca pada kolom 8", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"here\">&quot;</mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_shows_hits_with_the_matching_words_marked_and_a_chart_per_day()
    {
        var (_, html) = await GetAsync("/search?q=banjir&outlet=kabarnusa.id");
        Assert.Matches("<li class=\"hit\">", html);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("beritakota.net ·", html, StringComparison.Ordinal);
        var (_, stories) = await GetAsync("/search?q=banjir&kind=stories");
        Assert.Contains(WebUtility.HtmlEncode(Lamaru), stories, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_filter_that_is_not_a_date_is_reported_on_the_page()
    {
        var (response, html) = await GetAsync("/search?q=banjir&since=kemarin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_entity_page_lists_its_stories_over_time()
    {
        var (response, html) = await GetAsync("/entities/" + Uri.EscapeDataString("person:nurlaila rahmah"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nurlaila Rahmah", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Lamaru), html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<li class=\"story-card\" data-story=\"s-[0-9a-f]+\">")]
    private static partial Regex StoryCards();
}
