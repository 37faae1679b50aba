using System.Text;
using Warta.Core.Ingestion;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

public class HtmlNestingTests
{
    private static string Nested(int depth, string inner) =>
        "<html><head><title>Judul Halaman</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + inner
        + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public void Should_drop_the_tags_nested_deeper_than_the_budget_and_keep_their_text()
    {
        var html = Nested(100_000, "<p>Isi berita yang tersembunyi di dalam.</p>");

        var flat = HtmlNesting.Flatten(html, out var deepest);

        Assert.Equal(100_003, deepest);
        // html, body and MaxDepth - 2 divs stay open; the paragraph is flattened into the deepest kept div.
        Assert.Equal(HtmlNesting.MaxDepth - 2, Count(flat, "<div>"));
        Assert.Equal(HtmlNesting.MaxDepth - 2, Count(flat, "</div>"));
        Assert.Contains("Isi berita yang tersembunyi di dalam.", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_return_a_page_within_the_budget_unchanged()
    {
        var html = Nested(40, "<p>Isi <b>berita</b><br> yang<img src=\"a.png\"> biasa.</p><ul><li>satu<li>dua</ul>");

        var flat = HtmlNesting.Flatten(html, out var deepest);

        Assert.Same(html, flat);
        Assert.Equal(44, deepest);
    }

    [Fact]
    public void Should_not_count_unclosed_paragraphs_void_elements_comments_or_script_text_as_nesting()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 500; i++) body.Append("<p>Paragraf<br><img src='x.png' alt='a > b'><li>butir<!-- <div> -->");
        body.Append("<script>for (i = 0; i < 9; i++) document.write('<div>');</script>");
        var html = "<html><body>" + body + "</body></html>";

        var flat = HtmlNesting.Flatten(html, out var deepest);

        Assert.Same(html, flat);
        Assert.InRange(deepest, 3, 5);
    }

    [Fact]
    public void Should_read_the_text_of_a_page_of_100000_nested_divs()
    {
        var html = Nested(100_000, "<p>Warga kota menunggu bantuan sejak pagi di tenda pengungsian.</p>");

        var article = Ingest.Single("nested.html", html);

        Assert.Equal("Judul Halaman", article.Title);
        Assert.Equal(["Warga kota menunggu bantuan sejak pagi di tenda pengungsian."], article.Paragraphs);
    }

    [Fact]
    public void Should_note_in_provenance_that_a_page_was_flattened_at_the_depth_budget()
    {
        var html = Nested(100_000, "<p>Warga kota menunggu bantuan sejak pagi di tenda pengungsian.</p>");

        var article = Ingest.Single("nested.html", html);

        Assert.Equal("flattened the tags nested deeper than 128 levels (of 100003)", article.Provenance["truncated"]);
    }

    [Fact]
    public void Should_note_nothing_for_a_page_within_the_depth_budget()
    {
        var article = Ingest.Single("shallow.html", Nested(40, "<p>Warga kota menunggu bantuan sejak pagi di tenda pengungsian.</p>"));

        Assert.Equal(["Warga kota menunggu bantuan sejak pagi di tenda pengungsian."], article.Paragraphs);
        Assert.False(article.Provenance.ContainsKey("truncated"));
    }
}
