using Xunit;

namespace Warta.Core.Tests.Ingestion;

public class HtmlPageReaderTests
{
    /// <summary>A regional portal's page without meta: the tab title is the domain, the date and byline are spans under an h2.</summary>
    private const string PageWithoutMeta = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>harianmetro.co.id</title></head>
        <body>
        <div class="menu"><a href="/">HARIAN METRO</a> <a href="/kota">Kota</a></div>
        <article>
        <h2 class="judul">Jalan Trans Seram Longsor, Warga Dua Desa Terisolasi</h2>
        <span class="tgl">Jumat, 7 Februari 2025 - 09:15 WIT</span>
        <span class="penulis">Oleh: Rahmat Hidayat dan Sinta Wattimena</span>
        <p>Longsor menutup ruas Jalan Trans Seram sejak Kamis malam, sehingga warga dua desa tidak bisa keluar masuk kampung mereka.</p>
        <h2>Alat berat dikerahkan</h2>
        <p>Dinas PUPR mengerahkan dua ekskavator untuk membuka jalan yang tertimbun tanah dan batu.</p>
        </article>
        </body></html>
        """;

    [Fact]
    public void Should_take_title_outlet_date_and_authors_from_a_page_whose_title_is_its_domain()
    {
        var article = Ingest.Single("metro.html", PageWithoutMeta);

        Assert.Equal("Jalan Trans Seram Longsor, Warga Dua Desa Terisolasi", article.Title);
        Assert.Equal("harianmetro.co.id", article.Outlet);
        Assert.Equal("2025-02-07T09:15+09:00", article.Published?.ToString());
        Assert.Equal("date-line", article.Provenance["published"]);
        Assert.Equal(["Rahmat Hidayat", "Sinta Wattimena"], article.Authors);
        Assert.Equal("byline", article.Provenance["authors"]);
        Assert.StartsWith("Longsor menutup ruas", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_take_a_title_that_is_only_the_site_name()
    {
        const string html = """
            <html><head><title>Metro Ambon</title>
            <meta property="og:title" content="Metro Ambon"><meta property="og:site_name" content="Metro Ambon">
            <link rel="canonical" href="https://www.metroambon.com/daerah/2025/02/07/pasar-mardika"></head>
            <body><h1>Pedagang Pasar Mardika Tolak Relokasi</h1>
            <p>Ratusan pedagang Pasar Mardika menolak rencana relokasi ke gedung baru yang dinilai terlalu jauh dari pembeli.</p></body></html>
            """;

        var article = Ingest.Single("ambon.html", html);

        Assert.Equal("Pedagang Pasar Mardika Tolak Relokasi", article.Title);
        Assert.Equal("2025-02-07", article.Published?.ToString());
        Assert.Equal("url-date", article.Provenance["published"]);
    }

    [Fact]
    public void Should_keep_a_subheading_below_the_lead_out_of_the_title()
    {
        const string html = """
            <html><head><title>Banjir Rob Rendam Pesisir Semarang - Kabar Pantura</title></head>
            <body><article>
            <p>Banjir rob kembali merendam permukiman di pesisir utara Semarang sejak Senin pagi.</p>
            <h2>Tanggul darurat jebol</h2>
            <p>Tanggul karung pasir yang dipasang warga tidak mampu menahan air pasang.</p>
            </article></body></html>
            """;

        var article = Ingest.Single("rob.html", html);

        Assert.Equal("Banjir Rob Rendam Pesisir Semarang - Kabar Pantura", article.Title);
    }

    [Fact]
    public void Should_split_several_writers_named_in_one_author_meta_tag()
    {
        const string html = """
            <html><head><meta property="og:title" content="Persija Tahan Imbang Persib di Jakarta">
            <meta name="author" content="Arif Kurniawan, Hana Siregar"></head>
            <body><article><p>Persija Jakarta ditahan imbang Persib Bandung 1-1 dalam laga lanjutan Liga 1 di Jakarta, Sabtu malam.</p></article></body></html>
            """;

        var article = Ingest.Single("bola.html", html);

        Assert.Equal(["Arif Kurniawan", "Hana Siregar"], article.Authors);
        Assert.Equal("html-meta", article.Provenance["authors"]);
    }
}
