using Warta.Core.Extraction;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class ArticleExtractorTests
{
    [Fact]
    public void Should_drop_nul_and_other_control_characters_that_a_json_record_can_carry()
    {
        var fields = new ArticleFields
        {
            Source = "r.jsonl#line 3",
            Title = "Banjir\u0000 Lamaru\u0007Meluas",
            Outlet = "kabar\u0000nusa.id",
            Authors = ["Rina\u0000 Marlina"],
            Text = "Lamaru - Banjir\u0000 meluas ke tiga kecamatan.\tWarga mengungsi.\n\nBPBD\u001B mencatat 120 rumah terendam.",
        };

        var article = ArticleExtractor.Extract(fields).Article!;

        Assert.Equal("Banjir Lamaru Meluas", article.Title);
        Assert.Equal("kabarnusa.id", article.Outlet);
        Assert.Equal(["Rina Marlina"], article.Authors);
        var body = string.Join("\n\n", article.Paragraphs);
        Assert.DoesNotContain(body, c => c < ' ' && c != '\t' && c != '\n');
        Assert.Contains("Banjir meluas ke tiga kecamatan.", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oleh Budi Santoso", "Budi Santoso")]
    [InlineData("Reporter: Rina Marlina", "Rina Marlina")]
    [InlineData("By John Smith", "John Smith")]
    public void Should_strip_byline_prefixes(string byline, string author)
    {
        var article = ArticleExtractor.Extract(new ArticleFields { Source = "a.txt", Text = $"Judul Berita yang Panjang\n\n{byline}\n\nIsi berita ini pendek saja." }).Article!;

        Assert.Equal([author], article.Authors);
        Assert.Equal("byline", article.Provenance["authors"]);
        Assert.Equal("Isi berita ini pendek saja.", Assert.Single(article.Paragraphs));
    }

    [Theory]
    [InlineData("Editor : Agus Salim")]
    [InlineData("Penyunting: Rina Marlina")]
    public void Should_drop_an_editor_line_without_counting_the_editor_as_an_author(string byline)
    {
        var article = ArticleExtractor.Extract(new ArticleFields { Source = "a.txt", Text = $"Judul Berita yang Panjang\n\n{byline}\n\nIsi berita ini pendek saja." }).Article!;

        Assert.Empty(article.Authors);
        Assert.Equal("Isi berita ini pendek saja.", Assert.Single(article.Paragraphs));
    }

    [Fact]
    public void Should_prefer_the_url_host_over_the_dateline_and_the_record_date_over_the_date_line()
    {
        var fields = new ArticleFields
        {
            Source = "r.jsonl#line 1",
            Url = "https://m.liputan6.com/news/read/1",
            Published = "2020-01-02T03:04:05Z",
            Text = "Kamis, 2 Januari 2020 10:00\n\nJakarta, KOMPAS.com - Hujan deras turun sejak pagi.",
        };

        var article = ArticleExtractor.Extract(fields).Article!;

        Assert.Equal("liputan6.com", article.Outlet);
        Assert.Equal("url-host", article.Provenance["outlet"]);
        Assert.Equal("2020-01-02T03:04:05+00:00", article.Published?.ToString());
        Assert.Equal("record-field", article.Provenance["published"]);
        Assert.Equal("Hujan deras turun sejak pagi.", Assert.Single(article.Paragraphs));
    }

    [Fact]
    public void Should_take_the_outlet_from_a_wire_agency_code_in_the_dateline()
    {
        var article = ArticleExtractor.Extract(new ArticleFields { Source = "a.txt", Text = "Gempa Magnitudo 5,1 Guncang Sumba Timur\n\nKupang (ANTARA) - Gempa bermagnitudo 5,1 mengguncang Sumba Timur, Nusa Tenggara Timur, Senin pagi." }).Article!;

        Assert.Equal("antaranews.com", article.Outlet);
        Assert.Equal("dateline", article.Provenance["outlet"]);
        Assert.StartsWith("Gempa bermagnitudo", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_credit_the_desk_as_an_author()
    {
        const string page = "Harga Cabai di Pasar Terong Naik Dua Kali Lipat\n\nPenulis: Tim Tribun Timur\n\nMAKASSAR, TRIBUN-TIMUR.COM - Harga cabai rawit di Pasar Terong naik dua kali lipat sepekan terakhir.";

        var article = ArticleExtractor.Extract(new ArticleFields { Source = "a.txt", Text = page }).Article!;

        Assert.Equal("tribun-timur.com", article.Outlet);
        Assert.Empty(article.Authors);
        Assert.False(article.Provenance.ContainsKey("authors"));
    }

    [Fact]
    public void Should_keep_the_people_of_a_byline_that_also_credits_the_desk()
    {
        var fields = new ArticleFields { Source = "r.jsonl#line 1", Authors = ["Redaksi", "Rina Marlina"], Text = "Isi berita ini pendek saja." };

        var article = ArticleExtractor.Extract(fields).Article!;

        Assert.Equal(["Rina Marlina"], article.Authors);
    }

    [Fact]
    public void Should_take_the_day_from_the_url_path_before_a_date_in_the_body()
    {
        var fields = new ArticleFields
        {
            Source = "r.jsonl#line 1",
            Title = "Banjir Rob Rendam Pesisir Semarang",
            Url = "https://regional.kompas.com/read/2025/06/10/061500778/banjir-rob-rendam-pesisir-semarang",
            Text = "Banjir rob merendam permukiman di pesisir Semarang sejak Senin (9/6/2025) malam.",
        };

        var article = ArticleExtractor.Extract(fields).Article!;

        Assert.Equal("2025-06-10", article.Published?.ToString());
        Assert.Equal("url-date", article.Provenance["published"]);
    }

    [Fact]
    public void Should_give_a_page_naming_only_the_outlet_the_domain_an_earlier_record_paired_it_with()
    {
        var outlets = new OutletDirectory();
        var record = new ArticleFields { Source = "r.jsonl#line 1", Outlet = "Kompas", Url = "https://www.kompas.id/baca/ekonomi/2025/06/12/harga-beras", Text = "Harga beras medium naik lagi." };
        var page = new ArticleFields { Source = "p.txt", Text = "Harga Beras Naik Lagi\n\nJAKARTA, KOMPAS - Harga beras medium di pasar tradisional naik lagi." };

        var before = ArticleExtractor.Extract(page, outlets).Article!;
        ArticleExtractor.Extract(record, outlets);
        var after = ArticleExtractor.Extract(page, outlets).Article!;

        Assert.Equal("kompas", before.Outlet);
        Assert.Equal("kompas.id", after.Outlet);
        Assert.Equal("dateline", after.Provenance["outlet"]);
    }

    [Fact]
    public void Should_leave_a_name_seen_with_two_domains_unresolved()
    {
        var outlets = new OutletDirectory();
        outlets.Learn("kompas", "kompas.id");
        outlets.Learn("kompas", "kompas.com");

        Assert.False(outlets.TryResolve("kompas", out _));
    }

    [Fact]
    public void Should_fall_back_to_the_promo_line_for_the_outlet()
    {
        var article = ArticleExtractor.Extract(new ArticleFields { Source = "p.txt", Text = "Judul Berita yang Panjang\n\nKonten Redaksi Rakyatku.Com\n\nIsi berita ini pendek saja." }).Article!;

        Assert.Equal("rakyatku.com", article.Outlet);
        Assert.Equal("promo-line", article.Provenance["outlet"]);
    }

    [Fact]
    public void Should_give_the_same_id_when_only_whitespace_and_quotes_differ()
    {
        var a = ArticleExtractor.Extract(new ArticleFields { Source = "a.txt", Text = "Judul \u201CBerita\u201D Panjang\n\nIsi  berita \u201Cini\u201D pendek saja." }).Article!;
        var b = ArticleExtractor.Extract(new ArticleFields { Source = "b.txt", Text = "Judul \"Berita\" Panjang\r\n\r\n  Isi berita \"ini\" pendek saja.  \r\n" }).Article!;

        Assert.Equal(a.Id, b.Id);
    }

    [Fact]
    public void Should_report_a_record_without_any_text()
    {
        var outcome = ArticleExtractor.Extract(new ArticleFields { Source = "d.csv#record 3", Text = "   " });

        Assert.Equal("d.csv", outcome.Error!.Source);
        Assert.Equal("record 3", outcome.Error.Location);
    }

    [Fact]
    public void Should_find_the_outlet_of_a_kompas_dateline_without_a_dash()
    {
        var article = ArticleExtractor.Extract(new ArticleFields
        {
            Source = "kompas.txt",
            Text = "Polisi Tangkap Dua Pencuri Motor\n\nTANGERANG, KOMPAS.com Polisi menangkap dua pencuri sepeda motor di Cipondoh, Senin malam.\n\nKeduanya ditahan di Polres.",
        }).Article!;

        Assert.Equal("kompas.com", article.Outlet);
        Assert.Equal("dateline", article.Provenance["outlet"]);
        Assert.Equal("Polisi menangkap dua pencuri sepeda motor di Cipondoh, Senin malam.", article.Paragraphs[0]);
    }

    [Fact]
    public void Should_leave_an_obituary_with_a_birth_date_and_no_publication_date_undated()
    {
        var article = ArticleExtractor.Extract(new ArticleFields
        {
            Source = "obituary.txt",
            Text = "Remembering a Harbour Pilot\n\nJohn Harlan, born April 22, 1923, in a fishing town on the coast, guided ships into the harbour for forty years.\n\nHe is survived by two daughters.",
        }).Article!;

        Assert.Equal("Remembering a Harbour Pilot", article.Title);
        Assert.Null(article.Published);
        Assert.False(article.Provenance.ContainsKey("published"));
    }

    [Fact]
    public void Should_not_date_a_record_by_a_date_in_its_body()
    {
        var article = ArticleExtractor.Extract(new ArticleFields
        {
            Source = "feed.jsonl#line 3",
            Title = "Anak-anak Belajar di Tenda",
            Text = "Suasana belajar masih jauh dari normal.\n\nSelasa (29/4/2025) pagi, puluhan anak duduk di atas terpal.",
        }).Article!;

        Assert.Null(article.Published);
    }

    [Fact]
    public void Should_take_the_date_of_the_lead_behind_a_dateline()
    {
        var article = ArticleExtractor.Extract(new ArticleFields
        {
            Source = "lead.txt",
            Text = "Harga Cabai Naik Lagi\n\nJAKARTA, KOMPAS.com - Harga cabai naik lagi pada Selasa (23/4/2019) di pasar induk.",
        }).Article!;

        Assert.Equal("2019-04-23", article.Published?.ToString());
        Assert.Equal("dateline-lead", article.Provenance["published"]);
    }
}
