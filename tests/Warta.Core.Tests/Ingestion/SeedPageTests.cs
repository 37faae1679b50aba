using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

public class SeedPageTests
{
    private const string Rakyatku = "seeds/rakyatku-2019-03-26-kim-rusia.txt";
    private const string Tirto = "seeds/tirto-2019-04-23-kim-rusia.txt";

    [Fact]
    public void Should_read_title_outlet_date_and_author_of_the_rakyatku_page()
    {
        var article = Ingest.File(SharedData.PathOf(Rakyatku));

        Assert.Equal("Kim Jong Un Berencana ke Rusia Pasca Pertemuan Gagal Dengan Trump", article.Title);
        Assert.Equal("rakyatku.com", article.Outlet);
        Assert.Equal("2019-03-26T20:34+07:00", article.Published?.ToString());
        Assert.Equal(["Suriawati"], article.Authors);
        Assert.Equal("id", article.Language);
        Assert.Equal("title-line", article.Provenance["title"]);
        Assert.Equal("dateline", article.Provenance["outlet"]);
        Assert.Equal("date-line", article.Provenance["published"]);
        Assert.Equal("byline", article.Provenance["authors"]);
    }

    [Fact]
    public void Should_drop_caption_promo_and_repeated_lead_from_the_rakyatku_body()
    {
        var article = Ingest.File(SharedData.PathOf(Rakyatku));

        Assert.DoesNotContain("Kim Jong Un dan Donald Trump", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Konten Redaksi Rakyatku.Com", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("RAKYATKU.COM", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Suriawati", article.Body, StringComparison.Ordinal);
        const string lead = "Pemimpin Korea Utara Kim Jong Un akan segera melakukan kunjungan resmi ke Rusia.";
        Assert.Equal(lead, article.Paragraphs[0]);
        Assert.Single(article.Paragraphs, p => p.Contains("akan segera melakukan kunjungan resmi", StringComparison.Ordinal));
        Assert.StartsWith("Laporan terbaru menunjukkan", article.Paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_title_and_date_from_the_lead_behind_the_dateline_of_the_tirto_page()
    {
        var article = Ingest.File(SharedData.PathOf(Tirto));

        Assert.Equal("Korea Utara telah mengkonfirmasi, Kim Jong-un akan mengunjungi Rusia untuk pertemuan dengan Presiden Vladimir Putin", article.Title);
        Assert.Equal("tirto.id", article.Outlet);
        Assert.Equal("2019-04-23", article.Published?.ToString());
        Assert.Equal("lead-sentence", article.Provenance["title"]);
        Assert.Equal("dateline-lead", article.Provenance["published"]);
        Assert.StartsWith("Korea Utara telah mengkonfirmasi pada hari Selasa (23/4/2019)", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal(11, article.Paragraphs.Count);
    }

    [Fact]
    public void Should_give_the_same_id_when_the_same_page_is_ingested_twice()
    {
        var path = SharedData.PathOf(Rakyatku);

        Assert.Equal(Ingest.File(path).Id, Ingest.File(path).Id);
    }
}
