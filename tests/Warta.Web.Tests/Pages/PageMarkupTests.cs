using System.Xml.Linq;
using Microsoft.AspNetCore.Html;
using Warta.Testing;
using Warta.Web.App;
using Xunit;

namespace Warta.Web.Tests.Pages;

public sealed class PageMarkupTests
{
    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_snippet_keeps_only_the_highlight_marks_as_markup()
    {
        var html = Html(SnippetMarkup.Render("<script>x</script> banjir [Lamaru] <b>[tebal</b>"));
        Assert.Equal("&lt;script&gt;x&lt;/script&gt; banjir <mark>Lamaru</mark> &lt;b&gt;[tebal&lt;/b&gt;", html);
    }

    [Fact]
    public void A_highlighted_word_holding_markup_is_encoded_inside_its_mark()
    {
        Assert.Equal("<mark>&lt;img onerror=x&gt;</mark>", Html(SnippetMarkup.Render("[<img onerror=x>]")));
    }

    [Theory]
    [InlineData("https://kabarnusa.id/a", "https://kabarnusa.id/a")]
    [InlineData("http://kabarnusa.id/a", "http://kabarnusa.id/a")]
    [InlineData(HostileArticle.Url, null)]
    [InlineData(" JavaScript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("/relative", null)]
    [InlineData(null, null)]
    public void Only_http_and_https_urls_become_links(string? url, string? href) => Assert.Equal(href, SafeLink.Href(url));

    [Fact]
    public void A_chart_is_svg_without_style_attributes_and_with_encoded_names()
    {
        var series = ChartSeries.Of([(new DateOnly(2025, 3, 1), "<b>x</b>"), (new DateOnly(2025, 3, 3), "a")]);
        Assert.Equal(3, series.Periods.Count);
        var svg = Html(SvgChart.Bars(series, "label \"<script>\""));
        Assert.StartsWith("<svg class=\"chart\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
        Assert.Equal(2, svg.Split("<rect ").Length - 1);
        // Well-formed XML: every text was encoded.
        Assert.Equal("svg", XElement.Parse(svg).Name.LocalName);
    }

    [Fact]
    public void A_long_span_of_days_is_counted_per_week()
    {
        var series = ChartSeries.Of([(new DateOnly(2025, 1, 1), ""), (new DateOnly(2025, 6, 30), "")]);
        Assert.True(series.Weekly);
        Assert.Equal(2, series.Total);
        Assert.All(series.Periods, static p => Assert.Equal(DayOfWeek.Monday, p.DayOfWeek));
    }

    [Fact]
    public void The_indonesian_and_english_resource_files_name_the_same_texts()
    {
        static string[] Keys(string lang) =>
        [
            .. XDocument.Load(RepoPaths.Combine("src", "Warta.Web", "Resources", $"SharedResource.{lang}.resx"))
                .Root!.Elements("data").Select(static d => (string)d.Attribute("name")!).Order(StringComparer.Ordinal),
        ];
        var id = Keys("id");
        Assert.NotEmpty(id);
        Assert.Equal(id, Keys("en"));
    }
}
