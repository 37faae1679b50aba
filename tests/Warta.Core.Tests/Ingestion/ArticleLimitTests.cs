using System.Text;
using Warta.Core.Extraction;
using Warta.Core.Ingestion;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

public class ArticleLimitTests
{
    private static string Sentences(int count, int seed)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append("Warga kota ").Append(seed).Append(' ').Append(i).Append(" menunggu bantuan di tenda pengungsian. ");
        return text.ToString().TrimEnd();
    }

    [Fact]
    public void Should_cut_a_long_text_page_at_the_body_cap_and_note_it_in_the_provenance()
    {
        var page = new StringBuilder("Judul Berita yang Sangat Panjang\n\n");
        for (var p = 0; page.Length < 3 * PageCleaner.MaxTextChars / 2; p++) page.Append(Sentences(10, p)).Append("\n\n");

        var article = Ingest.Single("long.txt", page.ToString());

        Assert.NotEmpty(article.Paragraphs);
        Assert.InRange(article.Paragraphs.Sum(p => p.Length), PageCleaner.MaxBodyChars - PageCleaner.MaxParagraphChars, PageCleaner.MaxBodyChars);
        Assert.Contains("read", article.Provenance["truncated"], StringComparison.Ordinal);
        Assert.Contains("body cut", article.Provenance["truncated"], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_cut_an_overlong_paragraph_at_a_space()
    {
        var paragraph = Sentences(2_000, 1);
        Assert.True(paragraph.Length > PageCleaner.MaxParagraphChars);

        var article = Ingest.Single("wide.txt", "Judul Berita Paragraf Panjang\n\n" + paragraph + "\n\nParagraf kedua yang pendek.");

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.InRange(article.Paragraphs[0].Length, PageCleaner.MaxParagraphChars - 1_000, PageCleaner.MaxParagraphChars);
        Assert.StartsWith(article.Paragraphs[0], paragraph, StringComparison.Ordinal);
        Assert.Equal(' ', paragraph[article.Paragraphs[0].Length]);
        Assert.Equal("1 paragraph cut at 20000 characters", article.Provenance["truncated"]);
    }

    [Fact]
    public void Should_cap_a_jsonl_record_whose_text_is_one_huge_line()
    {
        var text = Sentences(20_000, 2);
        var line = "{\"title\":\"Judul Berita\",\"text\":\"" + text + "\"}";

        var article = Ingest.Single("dump.jsonl", line);

        Assert.Single(article.Paragraphs);
        Assert.True(article.Paragraphs[0].Length <= PageCleaner.MaxParagraphChars);
        Assert.True(article.Provenance.ContainsKey("truncated"));
    }

    [Fact]
    public void Should_join_many_hard_wrapped_lines_into_one_capped_paragraph()
    {
        var page = new StringBuilder("Judul Berita Baris Terlipat\n\nWarga kota");
        for (var i = 0; i < 100_000; i++) page.Append("\nmenunggu bantuan");

        var article = Ingest.Single("wrapped.txt", page.ToString());

        var paragraph = Assert.Single(article.Paragraphs);
        Assert.StartsWith("Warga kota menunggu bantuan menunggu", paragraph, StringComparison.Ordinal);
        Assert.True(paragraph.Length <= PageCleaner.MaxParagraphChars);
    }

    [Fact]
    public void Should_read_the_start_of_an_html_page_over_the_html_cap_instead_of_refusing_it()
    {
        var page = new StringBuilder("<html><head><meta property=\"og:title\" content=\"Judul Halaman Besar\"></head><body><article>");
        for (var p = 0; page.Length < HtmlPageReader.MaxHtmlChars + (HtmlPageReader.MaxHtmlChars / 2); p++) page.Append("<p>").Append(Sentences(3, p)).Append("</p>\n");
        page.Append("<p>Paragraf terakhir yang tidak terbaca.</p></article></body></html>");

        var article = Ingest.Single("big.html", page.ToString());

        Assert.Equal("Judul Halaman Besar", article.Title);
        Assert.StartsWith("Warga kota 0 0 ", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.InRange(article.Paragraphs.Sum(p => p.Length), PageCleaner.MaxBodyChars / 2, PageCleaner.MaxBodyChars);
        Assert.DoesNotContain(article.Paragraphs, static p => p.Contains("terakhir", StringComparison.Ordinal));
        // Only the start of the file is decoded at all (the page is ASCII, so bytes are characters).
        var note = article.Provenance["truncated"];
        Assert.StartsWith("read ", note, StringComparison.Ordinal);
        Assert.InRange(int.Parse(note.AsSpan(5, note.IndexOf(' ', 5) - 5), System.Globalization.CultureInfo.InvariantCulture), HtmlPageReader.MaxHtmlChars - 1000, HtmlPageReader.MaxHtmlChars);
        Assert.Contains($"of {page.Length} bytes", note, StringComparison.Ordinal);
        Assert.Contains("body cut", note, StringComparison.Ordinal);

        // Given the whole text, the reader itself parses only the start.
        var fields = HtmlPageReader.Read("big.html", page.ToString()).Fields!;
        Assert.Matches(@"^read \d+ of " + page.Length + " characters of HTML$", fields.Truncation);
        Assert.DoesNotContain("terakhir", fields.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_decode_only_the_start_of_a_text_page_far_over_the_text_cap_cut_after_a_line()
    {
        var page = new StringBuilder("Judul Berita yang Sangat Panjang\n\n");
        for (var p = 0; page.Length < 2 * PageCleaner.MaxTextChars; p++) page.Append(Sentences(3, p)).Append("\u00e9\n\n");
        var bytes = Encoding.UTF8.GetBytes(page.ToString());

        var article = Assert.Single(Ingest.Bytes("long.txt", bytes)).Article!;

        var note = article.Provenance["truncated"];
        Assert.StartsWith("read ", note, StringComparison.Ordinal);
        var read = int.Parse(note.AsSpan(5, note.IndexOf(' ', 5) - 5), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(read, PageCleaner.MaxTextChars - 1000, PageCleaner.MaxTextChars);
        Assert.Equal((byte)'\n', bytes[read - 1]);
        Assert.Contains($"of {bytes.Length} bytes", note, StringComparison.Ordinal);
        Assert.EndsWith("\u00e9", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_only_the_start_of_an_oversized_jsonl_value_and_note_the_cut()
    {
        // Escapes and multibyte letters around the cut: the kept start must still be whole characters.
        var text = new StringBuilder();
        while (text.Length < JsonLinesReader.MaxValueBytes + 100_000) text.Append("Warga \\u00e9 \\ud83d\\ude00 kota \\\"é\\\" menunggu. ");
        var line = "{\"title\":\"Judul Berita\",\"text\":\"" + text + "\"}";

        var article = Ingest.Single("dump.jsonl", line);

        Assert.Equal("Judul Berita", article.Title);
        Assert.StartsWith("Warga \u00e9 \U0001F600 kota \"é\"", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("a value cut at", article.Provenance["truncated"], StringComparison.Ordinal);
        Assert.Contains($"of {Encoding.UTF8.GetByteCount(text.ToString())} bytes", article.Provenance["truncated"], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_only_the_start_of_an_oversized_csv_field_and_note_the_cut()
    {
        var text = Sentences(60_000, 4);
        Assert.True(text.Length > CsvParser.MaxFieldChars);
        var csv = "title,text\nJudul Berita CSV,\"" + text + "\"\nJudul Kedua,Teks kedua yang pendek.\n";

        var outcomes = new ArticleIngestor().Read(new RawDocument("feed.csv", Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(2, outcomes.Count);
        var first = outcomes[0].Article!;
        Assert.Equal("Judul Berita CSV", first.Title);
        Assert.StartsWith("Warga kota 4 0 ", first.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("1 field cut at 2000000 characters", first.Provenance["truncated"], StringComparison.Ordinal);
        Assert.Equal("Teks kedua yang pendek.", Assert.Single(outcomes[1].Article!.Paragraphs));
        Assert.False(outcomes[1].Article!.Provenance.ContainsKey("truncated"));
    }

    [Fact]
    public void Should_cut_csv_fields_at_the_given_length_without_splitting_a_surrogate_pair()
    {
        var records = CsvParser.Parse("a,b\n\"xy\U0001F600z\",pendek\n", maxFieldChars: 3).ToList();

        Assert.Equal(0, records[0].CutFields);
        Assert.Equal(["xy", "pen"], records[1].Fields);
        Assert.Equal(2, records[1].CutFields);
    }

    [Fact]
    public void Should_not_note_a_truncation_for_an_ordinary_page()
    {
        var article = Ingest.Single("short.txt", "Judul Berita Biasa\n\n" + Sentences(5, 3));

        Assert.NotEmpty(article.Paragraphs);
        Assert.False(article.Provenance.ContainsKey("truncated"));
    }
}
