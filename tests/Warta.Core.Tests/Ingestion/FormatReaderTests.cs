using Warta.Core.Ingestion;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

public class FormatReaderTests
{
    [Fact]
    public void Should_report_a_malformed_jsonl_line_by_number_and_still_read_the_others()
    {
        const string jsonl = """
            {"title": "Banjir Melanda Kota", "text": "Banjir melanda kota itu sejak pagi dan warga mengungsi ke masjid.", "outlet": "www.detik.com"}
            {"title": "Rusak", "text": "tanpa penutup
            {"title": "Gempa di Pantai", "text": "Gempa mengguncang pantai itu pada malam hari.", "published": "2019-04-23T10:15:00+07:00"}
            """;

        var outcomes = Ingest.Text("dump.jsonl", jsonl);

        Assert.Equal(3, outcomes.Count);
        Assert.Equal("Banjir Melanda Kota", outcomes[0].Article!.Title);
        Assert.Equal("detik.com", outcomes[0].Article!.Outlet);
        Assert.Equal("dump.jsonl#line 1", outcomes[0].Article!.Source);
        Assert.Equal("dump.jsonl", outcomes[1].Error!.Source);
        Assert.Equal("line 2", outcomes[1].Error!.Location);
        Assert.Contains("malformed JSON", outcomes[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("2019-04-23T10:15+07:00", outcomes[2].Article!.Published?.ToString());
        Assert.Equal("dump.jsonl#line 3", outcomes[2].Article!.Source);
    }

    [Fact]
    public void Should_read_csv_with_quotes_doubled_quotes_and_newlines_inside_fields()
    {
        const string csv = "title,text,outlet,published,authors\r\n"
            + "\"Harga \"\"Cabai\"\" Naik\",\"Harga cabai naik di pasar.\r\n\r\nPedagang mengeluh, pembeli berkurang.\",Kompas.com,23/04/2019,\"Budi, Sari\"\r\n"
            + "Gempa di Pantai,Gempa mengguncang pantai itu pada malam hari.,tirto.id,2019-04-24,\r\n";

        var outcomes = Ingest.Text("data.csv", csv);

        Assert.Equal(2, outcomes.Count);
        var first = outcomes[0].Article!;
        Assert.Equal("Harga \"Cabai\" Naik", first.Title);
        Assert.Equal(["Harga cabai naik di pasar.", "Pedagang mengeluh, pembeli berkurang."], first.Paragraphs);
        Assert.Equal(["Budi", "Sari"], first.Authors);
        Assert.Equal("kompas.com", first.Outlet);
        Assert.Equal("2019-04-23", first.Published?.ToString());
        Assert.Equal("data.csv#record 1", first.Source);
        Assert.Equal("data.csv#record 2", outcomes[1].Article!.Source);
    }

    [Fact]
    public void Should_report_a_malformed_csv_record_by_number()
    {
        const string csv = "title,text\nSatu Judul Berita,Isi berita pertama.\nDua,\"tiga\"x\nEmpat Judul Berita,Isi berita keempat.\nLima,\"tidak ditutup\n";

        var outcomes = Ingest.Text("bad.csv", csv);

        Assert.Equal("Satu Judul Berita", outcomes[0].Article!.Title);
        Assert.Equal("record 2", outcomes[1].Error!.Location);
        Assert.Equal("bad.csv", outcomes[1].Error!.Source);
        Assert.Equal("Empat Judul Berita", outcomes[2].Article!.Title);
        Assert.Equal("record 4", outcomes[3].Error!.Location);
        Assert.Contains("never closed", outcomes[3].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_a_csv_record_with_the_wrong_number_of_fields()
    {
        var outcomes = Ingest.Text("short.csv", "title,text,url\nSatu Judul,Isi berita.\n");

        var error = Assert.Single(outcomes).Error!;
        Assert.Equal("record 1", error.Location);
        Assert.Contains("2 fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_csv_without_title_or_text_column()
    {
        var error = Assert.Single(Ingest.Text("cols.csv", "a,b\n1,2\n")).Error!;

        Assert.Equal("header", error.Location);
    }

    [Fact]
    public void Should_read_a_bare_ampersand_in_timeml_as_itself()
    {
        // As in a real Kompas file: "56 & 461" unescaped, while an escaped entity beside it still decodes.
        const string tml = "<?xml version=\"1.0\" ?>\n<TimeML>\n<TITLE>Ali &amp; Budi</TITLE>\n<TEXT>Pasal 56 & 461 KUHP dan R&D.</TEXT>\n</TimeML>\n";

        var article = Assert.Single(Ingest.Text("amp.tml", tml)).Article!;

        Assert.Equal("Ali & Budi", article.Title);
        Assert.Equal("Pasal 56 & 461 KUHP dan R&D.", Assert.Single(article.Paragraphs));
    }

    [Fact]
    public void Should_report_malformed_timeml_with_its_line()
    {
        const string tml = "<?xml version=\"1.0\" ?>\n<TimeML>\n<TITLE>Judul</TITLE>\n<TEXT>Isi <b>lain</TEXT>\n</TimeML>\n";

        var error = Assert.Single(Ingest.Text("bad.tml", tml)).Error!;

        Assert.Equal("bad.tml", error.Source);
        Assert.Equal("line 4", error.Location);
        Assert.Contains("malformed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_timeml_dct_title_and_body_without_markup()
    {
        const string tml = """
            <?xml version="1.0" ?>
            <TimeML>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2013-12-4" functionInDocument="CREATION_TIME">Rabu, 4 Desember 2013</TIMEX3></DCT>
            <TITLE>Pemerintah Tunda Kebijakan Baru</TITLE>
            <TEXT>
            JAKARTA, KOMPAS.com - Pemerintah menunda kebijakan itu <TIMEX3 tid="t1" type="DATE" value="2013-12-03">Selasa (3/12/2013)</TIMEX3> malam.
            </TEXT>
            </TimeML>
            """;

        var article = Assert.Single(Ingest.Text("k.tml", tml)).Article!;

        Assert.Equal("Pemerintah Tunda Kebijakan Baru", article.Title);
        Assert.Equal("2013-12-04", article.Published?.ToString());
        Assert.Equal("timeml-dct", article.Provenance["published"]);
        Assert.Equal("Pemerintah menunda kebijakan itu Selasa (3/12/2013) malam.", Assert.Single(article.Paragraphs));
        Assert.Equal("kompas.com", article.Outlet);
    }

    [Fact]
    public void Should_read_broken_html_without_failing()
    {
        const string html = "<html><head><meta property=\"og:title\" content=\"Judul Halaman Rusak\"><body><div><p>Paragraf pertama tanpa penutup <b>tebal<p>Paragraf kedua juga rusak</div></span></html";

        var article = Assert.Single(Ingest.Text("broken.html", html)).Article!;

        Assert.Equal("Judul Halaman Rusak", article.Title);
        Assert.Contains(article.Paragraphs, p => p.StartsWith("Paragraf kedua", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("x.unknown", "<!DOCTYPE html><html><body><p>a</p></body></html>", DocumentFormat.Html)]
    [InlineData("x.dat", "{\"title\":\"a\"}\n", DocumentFormat.JsonLines)]
    [InlineData("x.dat", "title,text\na,b\n", DocumentFormat.Csv)]
    [InlineData("x.dat", "<?xml version=\"1.0\"?>\n<TimeML></TimeML>", DocumentFormat.TimeMl)]
    [InlineData("x", "Judul\n\nIsi.", DocumentFormat.TextPage)]
    [InlineData("x.HTM", "plain", DocumentFormat.Html)]
    public void Should_detect_the_format_by_extension_or_content(string source, string text, DocumentFormat expected)
    {
        Assert.Equal(expected, FormatDetector.Detect(source, text));
    }

    [Fact]
    public void Should_report_an_empty_jsonl_record_by_line()
    {
        var outcomes = Ingest.Text("empty.jsonl", "{\"title\": \"Judul Berita\", \"text\": \"Isi.\"}\n{\"url\": \"https://x.id/a\"}\n");

        Assert.Equal("Judul Berita", outcomes[0].Article!.Title);
        Assert.Equal("empty.jsonl", outcomes[1].Error!.Source);
        Assert.Equal("line 2", outcomes[1].Error!.Location);
    }

    [Fact]
    public void Should_drop_page_furniture_by_class_word_but_keep_content_in_look_alike_classes()
    {
        const string html = """
            <html><head><meta property="og:title" content="Judul Berita Uji"></head><body>
            <div class="main-stage"><article>
            <p>Paragraf pertama berisi kalimat yang cukup panjang untuk dianggap sebagai isi berita utama oleh pembaca.</p>
            <div class="article-tags"><a>politik</a> <a>ekonomi</a></div>
            <ul class="social-share"><li>Facebook</li><li>Twitter</li></ul>
            <p>Paragraf kedua juga berisi kalimat yang cukup panjang agar halaman ini dianggap sebagai sebuah berita.</p>
            </article></div></body></html>
            """;

        var article = Assert.Single(Ingest.Text("furniture.html", html)).Article!;

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.DoesNotContain("politik", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Facebook", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_a_jsonl_line_whose_string_escapes_half_a_surrogate_pair()
    {
        var outcomes = Ingest.Text("feed.jsonl", "{\"title\":\"Judul Berita\",\"published\":\"\\ud800\"}\n{\"title\":\"Judul Lain\",\"text\":\"Isi berita.\"}");

        Assert.Equal(2, outcomes.Count);
        Assert.Equal("line 1", outcomes[0].Error!.Location);
        Assert.Contains("surrogate", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("Judul Lain", outcomes[1].Article!.Title);
    }

    [Theory]
    [InlineData("header.csv", "title,text\n")]
    [InlineData("blank.jsonl", "\n  \n")]
    public void Should_report_a_file_without_records_instead_of_reading_nothing(string source, string text)
    {
        var outcome = Assert.Single(Ingest.Text(source, text));

        Assert.Equal(source, outcome.Error!.Source);
        Assert.Equal("no records found", outcome.Error.Message);
    }
}
