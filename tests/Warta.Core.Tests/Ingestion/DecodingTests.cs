using System.Text;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

public class DecodingTests
{
    private const string Page = "Selasa, 26 Maret 2019 20:34\n\nJudul Berita tentang Kota\n\nJAKARTA, KOMPAS.com \u2013 Warga \u201Cmenunggu\u201D di kota itu sejak pagi.\n";

    private static IngestError SingleError(string source, byte[] bytes)
    {
        var outcome = Assert.Single(Ingest.Bytes(source, bytes));
        Assert.Null(outcome.Article);
        return outcome.Error!;
    }

    [Fact]
    public void Should_report_an_empty_file_by_name()
    {
        var error = SingleError("empty.txt", []);

        Assert.Equal("empty.txt", error.Source);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_binary_content_with_nul_bytes()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var error = SingleError("picture.txt", png);

        Assert.Equal("picture.txt", error.Source);
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_content_full_of_control_characters()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        var error = SingleError("noise.txt", bytes);

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_a_multibyte_character_cut_off_at_the_end()
    {
        var bytes = Encoding.UTF8.GetBytes("Judul \u201CBerita\u201D lengkap\n\nIsi berita yang terpotong di akhir \u2014");

        var error = SingleError("cut.txt", bytes[..^1]);

        Assert.Equal("cut.txt", error.Source);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_input_above_the_size_limit()
    {
        var outcome = Assert.Single(new ArticleIngestor(maxInputBytes: 100).Read(new RawDocument("huge.txt", new byte[101])));

        Assert.Equal("huge.txt", outcome.Error!.Source);
        Assert.Contains("limit", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Should_decode_utf16_with_a_byte_order_mark(string name)
    {
        var encoding = name == "utf-16le" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Page)).ToArray();

        var decoded = DocumentDecoder.Decode(new RawDocument("page.txt", bytes), out var error);

        Assert.Null(error);
        Assert.Equal(name, decoded!.EncodingName);
        Assert.Equal(Page, decoded.Text);
    }

    [Fact]
    public void Should_decode_utf8_with_a_byte_order_mark_without_keeping_the_mark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Page)).ToArray();

        var article = Assert.Single(Ingest.Bytes("bom.txt", bytes)).Article!;

        Assert.Equal("Judul Berita tentang Kota", article.Title);
    }

    [Fact]
    public void Should_decode_windows_1252_quotes_and_dashes_when_the_bytes_are_not_utf8()
    {
        // Kompas TimeML files: 0x96 is the dateline's en dash, 0x93/0x94 curly quotes.
        var bytes = Encoding.Latin1.GetBytes("Judul Berita tentang Kota\n\nJAKARTA, KOMPAS.com \u0096 Warga \u0093menunggu\u0094 di kota itu sejak pagi.\n");

        var decoded = DocumentDecoder.Decode(new RawDocument("kompas.txt", bytes), out _);
        var article = Assert.Single(Ingest.Bytes("kompas.txt", bytes)).Article!;

        Assert.Equal("windows-1252", decoded!.EncodingName);
        Assert.Equal("Warga \u201Cmenunggu\u201D di kota itu sejak pagi.", Assert.Single(article.Paragraphs));
        Assert.Equal("kompas.com", article.Outlet);
    }

    [Fact]
    public void Should_read_utf8_html_that_declares_no_encoding()
    {
        const string html = "<html><head><title>Harga Naik di Pasar</title></head><body><article><p>Harga cabai naik \u201Clagi\u201D di pasar itu, kata pedagang yang ditemui pada pagi hari ini di Jakarta.</p></article></body></html>";

        var article = Assert.Single(Ingest.Text("page.html", html)).Article!;

        Assert.Contains("\u201Clagi\u201D", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_a_trailing_windows_1252_letter_after_ascii_text()
    {
        var bytes = Encoding.Latin1.GetBytes("Judul Berita tentang Kota\n\nIsi berita tentang caf\u00E9");

        var decoded = DocumentDecoder.Decode(new RawDocument("cafe.txt", bytes), out var error);

        Assert.Null(error);
        Assert.EndsWith("caf\u00E9", decoded!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_decode_only_the_line_of_a_stray_windows_1252_byte_as_windows_1252()
    {
        // A UTF-8 page whose dateline dash was pasted in as the single byte 0x96.
        const string clean = "Judul \u201CBerita\u201D tentang Kota\n\nJAKARTA, KOMPAS.com \u2013 Warga menunggu di kota itu sejak pagi.\n\nWali kota berkata, \u201CKami siap.\u201D\n";
        var dash = Encoding.UTF8.GetBytes("\u2013");
        var bytes = Encoding.UTF8.GetBytes(clean);
        var at = bytes.AsSpan().IndexOf(dash);
        Assert.True(at > 0);
        byte[] broken = [.. bytes[..at], 0x96, .. bytes[(at + dash.Length)..]];

        var decoded = DocumentDecoder.Decode(new RawDocument("stray.txt", broken), out var error);
        var article = Assert.Single(Ingest.Bytes("stray.txt", broken)).Article!;
        var cleanArticle = Assert.Single(Ingest.Bytes("clean.txt", bytes)).Article!;

        Assert.Null(error);
        Assert.Equal(clean, decoded!.Text);
        Assert.Equal("utf-8 (1 line windows-1252)", decoded.EncodingName);
        Assert.Equal("Judul \u201CBerita\u201D tentang Kota", article.Title);
        Assert.Equal("Wali kota berkata, \u201CKami siap.\u201D", article.Paragraphs[^1]);
        Assert.Equal(cleanArticle.Id, article.Id);
    }

    [Fact]
    public void Should_keep_utf8_lines_when_another_line_is_windows_1252()
    {
        var bytes = Encoding.UTF8.GetBytes("Judul \u201CBerita\u201D tentang Kota\n\n").Concat(Encoding.Latin1.GetBytes("Harga naik \u0096 kata pedagang caf\u00E9.\n")).ToArray();

        var decoded = DocumentDecoder.Decode(new RawDocument("mixed.txt", bytes), out _);

        Assert.Equal("Judul \u201CBerita\u201D tentang Kota\n\nHarga naik \u2013 kata pedagang caf\u00E9.\n", decoded!.Text);
    }

    [Fact]
    public void Should_read_utf16_without_a_byte_order_mark_when_the_server_names_the_charset()
    {
        var bytes = Encoding.Unicode.GetBytes(Page);

        var unnamed = DocumentDecoder.Decode(new RawDocument("https://kabar.test/a.html", bytes), out var refused);
        var named = DocumentDecoder.Decode(new RawDocument("https://kabar.test/a.html", bytes) { Charset = "UTF-16LE" }, out var error);

        Assert.Null(unnamed);
        Assert.Contains("NUL", refused!.Message, StringComparison.Ordinal);
        Assert.Null(error);
        Assert.Equal(Page, named!.Text);
        Assert.Equal("utf-16 (header)", named.EncodingName);
    }

    [Fact]
    public void Should_read_a_latin_page_whole_by_the_named_charset_and_a_mislabelled_utf8_page_as_utf8()
    {
        // A Latin-1 page with guillemets, and a UTF-8 page sent with a Latin-1 header (a common server default).
        var latin = Encoding.Latin1.GetBytes("Kafe \u00ABKopi Tubruk\u00BB di Bandung\nbuka sampai pukul 23.00.\n");
        var utf8 = Encoding.UTF8.GetBytes(Page);

        var asLatin = DocumentDecoder.Decode(new RawDocument("a.html", latin) { Charset = "iso-8859-1" }, out _);
        var asUtf8 = DocumentDecoder.Decode(new RawDocument("b.html", utf8) { Charset = "ISO-8859-1" }, out _);

        Assert.Equal("Kafe \u00ABKopi Tubruk\u00BB di Bandung\nbuka sampai pukul 23.00.\n", asLatin!.Text);
        Assert.Equal("iso-8859-1 (header)", asLatin.EncodingName);
        Assert.Equal(Page, asUtf8!.Text);
        Assert.Equal("utf-8 (header said iso-8859-1)", asUtf8.EncodingName);
    }
}
