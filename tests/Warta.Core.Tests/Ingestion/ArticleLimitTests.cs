using System.Text;
using Warta.Core.Extraction;
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
    public void Should_not_note_a_truncation_for_an_ordinary_page()
    {
        var article = Ingest.Single("short.txt", "Judul Berita Biasa\n\n" + Sentences(5, 3));

        Assert.NotEmpty(article.Paragraphs);
        Assert.False(article.Provenance.ContainsKey("truncated"));
    }
}
