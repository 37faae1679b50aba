using System.Text;
using CsCheck;
using Warta.Core.Extraction;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

/// <summary>
/// Structured fuzzing of every reader and the decoder: generated inputs shaped like each format, broken in the ways real
/// files break (unclosed tags, deep nesting, stray bytes, wrong field counts). Any exception fails a property: the readers
/// report bad input as an <see cref="IngestError"/>, never by throwing.
/// </summary>
/// <remarks>
/// The five properties share a budget of <c>WARTA_FUZZ_SECONDS</c> seconds (default 20, 4 each, for a developer's run;
/// <c>.ci/run</c> gives them 120).
/// </remarks>
public class IngestFuzzTests
{
    private const int Properties = 5;

    private static readonly int Seconds = Math.Max(1, BudgetSeconds() / Properties);

    private static int BudgetSeconds() =>
        int.TryParse(Environment.GetEnvironmentVariable("WARTA_FUZZ_SECONDS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 20;

    private static readonly Gen<string> Words = Gen.OneOf(
        "Jakarta", "KOMPAS.com", " - ", " \u2013 ", "banjir", "Selasa (23/4/2019)", "26 Maret 2019 20:34 WIB", "Oleh: Budi Santoso",
        "Baca juga:", "\u201Ckata\u201D", "&amp;", "&", "&#x96;", "&nbsp;", "<", ">", "\"", "'", ",", ".", "\n", "\r\n", "\t", "\u00A0",
        "\uD83D\uDE00", "\uFFFD", "\u0000", "é", "Penulis:", "|", "(Antara)", "tirto.id", "2025-03-04T10:00:00Z", "1700000000", "", " ");

    private static readonly Gen<string> Text = Words.Array[0, 30].Select(static w => string.Concat(w));

    private static readonly Gen<string> HtmlPart = Gen.Frequency(
        (6, Text),
        (3, Gen.OneOf("p", "div", "article", "h1", "h2", "span", "li", "ul", "section", "main", "time", "a", "table", "td", "figure", "header")
            .SelectMany(tag => Gen.OneOf("", " class=\"share\"", " class=\"baca-juga\"", " id=\"content\"", " datetime=\"2025-03-04\"", " href=\"/x\"", " class='a>b'")
                .Select(attributes => $"<{tag}{attributes}>"))),
        (3, Gen.OneOf("</p>", "</div>", "</article>", "</h1>", "</span>", "</li>", "</ul>", "</x>", "</")),
        (1, Gen.OneOf("<meta property=\"og:title\" content=\"Judul\">", "<meta name=\"author\" content=\"A; B | C\">",
            "<meta property=\"article:published_time\" content=\"kemarin\">", "<link rel=\"canonical\" href=\"http://[::1\">",
            "<meta property=\"og:site_name\" content=\"\">", "<title>beritakota.net</title>", "<script>if (a < b) {}</script>",
            "<style>p{}</style>", "<!-- <div> -->", "<!--", "<![CDATA[x]]>", "<br/>", "<img src=x>", "<?xml?>", "<!doctype html>")),
        (1, Gen.Int[1, 400].Select(static n => string.Concat(Enumerable.Repeat("<div>", n)))));

    private static readonly Gen<string> Html = HtmlPart.Array[0, 60].Select(static parts => "<html><body>" + string.Concat(parts));

    private static readonly Gen<string> JsonValue = Gen.Frequency(
        (5, Text.Select(static t => System.Text.Json.JsonSerializer.Serialize(t))),
        (1, Gen.OneOf("null", "true", "0", "-1.5e300", "1e999", "[]", "[\"a\",1,null]", "{}", "{\"a\":{\"b\":[1]}}", "\"", "\"\\ud800\"", "1700000000000")));

    private static readonly Gen<string> JsonLine = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf("title", "text", "url", "outlet", "published", "author", "authors", "headline", "body", "content", "date", "timestamp", "site", "x").Array[0, 8], JsonValue.Array[8])
            .Select(static (keys, values) => "{" + string.Join(",", keys.Select((k, i) => $"\"{k}\":{values[i]}")) + "}")),
        (1, Text),
        (1, Gen.OneOf("[1,2]", "{", "{\"title\":", "\"text\"", "{}{}", "{\"title\":\"a\",\"title\":\"b\"}")));

    private static readonly Gen<string> JsonLines = JsonLine.Array[0, 12].Select(static lines => string.Join("\n", lines));

    private static readonly Gen<string> CsvField = Gen.Frequency(
        (4, Text.Select(static t => t.Replace("\"", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal))),
        (3, Text.Select(static t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")),
        (1, Gen.OneOf("\"", "\"a\"b", "a\"b", "\"unclosed", "")));

    private static readonly Gen<string> Csv = Gen.Select(
            Gen.OneOf("title", "text", "url", "outlet", "published", "authors", "hostname", "Title", "body", "x").Array[1, 6],
            CsvField.Array[0, 8].Array[0, 8],
            Gen.OneOf("\n", "\r\n"))
        .Select(static (header, rows, newline) => string.Join(",", header) + newline + string.Join(newline, rows.Select(static r => string.Join(",", r))));

    private static readonly Gen<string> TimeMl = Gen.Select(
            Gen.OneOf("2013-12-4", "2013-12-04", "", "XXXX", "2013-13-45", "PRESENT_REF", "2013-W49", "99999-01-01"),
            Text, Text,
            HtmlPart.Array[0, 10],
            Gen.OneOf("", "<!DOCTYPE TimeML [<!ENTITY x \"y\">]>", "<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>"))
        .Select(static (value, title, text, markup, prolog) =>
            $"{prolog}<TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{value}\">{Escape(title)}</TIMEX3></DCT>"
            + $"<TITLE>{Escape(title)}</TITLE><TEXT>{Escape(text)}{string.Concat(markup)}</TEXT></TimeML>");

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text.Replace("\0", "", StringComparison.Ordinal));

    private static readonly Gen<byte[]> Bytes = Gen.Frequency(
            (3, Text.Select(static t => Encoding.UTF8.GetBytes(t))),
            (2, Gen.Byte.Array[0, 40]),
            (1, Gen.OneOf<byte[]>([0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x96], [0x93, 0x94], [0xE2, 0x80], [0xC3], [0xF0, 0x9F, 0x98], [0x0A], [0x0D])))
        .Array[0, 20]
        .Select(static parts => parts.SelectMany(static p => p).ToArray());

    private static void AssertWellFormed(IReadOnlyList<IngestOutcome> outcomes)
    {
        Assert.NotEmpty(outcomes);
        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.Article is not null ^ outcome.Error is not null);
            if (outcome.Article is not { } article) continue;
            Assert.Equal(16, article.Id.Length);
            Assert.True(article.Paragraphs.Sum(static p => p.Length) <= PageCleaner.MaxBodyChars);
            Assert.All(article.Paragraphs, static p => Assert.InRange(p.Length, 1, PageCleaner.MaxParagraphChars));
        }
    }

    private static IReadOnlyList<IngestOutcome> Read(string source, string text) =>
        new ArticleIngestor().Read(new RawDocument(source, Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Should_read_generated_html_pages_without_throwing()
    {
        Html.Sample(html => AssertWellFormed(Read("page.html", html)), time: Seconds);
    }

    [Fact]
    public void Should_read_generated_json_lines_without_throwing()
    {
        JsonLines.Sample(text => AssertWellFormed(Read("feed.jsonl", text)), time: Seconds);
    }

    [Fact]
    public void Should_read_generated_csv_without_throwing()
    {
        Csv.Sample(text => AssertWellFormed(Read("feed.csv", text)), time: Seconds);
    }

    [Fact]
    public void Should_read_generated_timeml_without_throwing()
    {
        TimeMl.Sample(text => AssertWellFormed(Read("doc.tml", text)), time: Seconds);
    }

    [Fact]
    public void Should_decode_generated_bytes_without_throwing_and_keep_valid_utf8_exactly()
    {
        Bytes.Sample(bytes =>
        {
            var decoded = DocumentDecoder.Decode(new RawDocument("page.txt", bytes), out var error);
            Assert.True(decoded is not null ^ error is not null);
            if (decoded is not null && bytes.Length > 0 && System.Text.Unicode.Utf8.IsValid(bytes) && !bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                Assert.Equal(Encoding.UTF8.GetString(bytes), decoded.Text);
            }
            AssertWellFormed(new ArticleIngestor().Read(new RawDocument("page.txt", bytes)));
        }, time: Seconds);
    }
}
