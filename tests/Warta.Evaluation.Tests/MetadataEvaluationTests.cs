using System.Text;
using Warta.Core.Ingestion;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests;

public class MetadataEvaluationTests
{
    [Fact]
    public void Should_reach_the_floors_for_publish_date_and_title_on_kompas_dev()
    {
        var folder = SharedData.PathOf("timex/kompas-dev");
        var files = Directory.EnumerateFiles(folder, "*.tml").Order(StringComparer.Ordinal).Select(f => new RawDocument(f, File.ReadAllBytes(f)));

        var result = MetadataEvaluator.Evaluate(files);

        Assert.Equal(50, result.Articles);
        Assert.True(result.PublishedAccuracy >= Baseline.Floor("metadata.kompasDev.publishedAccuracy"), string.Join("\n", result.Misses));
        Assert.True(result.TitleAccuracy >= Baseline.Floor("metadata.kompasDev.titleAccuracy"), string.Join("\n", result.Misses));
        Assert.True(result.OutletMatches >= 49, string.Join("\n", result.Misses));
    }

    [Fact]
    public void Should_score_a_wrong_title_and_skip_a_missing_one()
    {
        const string withTitle = """
            <?xml version="1.0" ?>
            <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2014-12-30">Selasa, 30 Desember 2014</TIMEX3></DCT>
            <TITLE>Harga Minyak Turun Lagi</TITLE>
            <TEXT>JAKARTA, KOMPAS.com - Harga minyak turun lagi pada hari ini.</TEXT></TimeML>
            """;
        const string withoutTitle = """
            <?xml version="1.0" ?>
            <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2014-12-31">Rabu, 31 Desember 2014</TIMEX3></DCT>
            <TEXT>KOMPAS.com - Harga minyak naik lagi pada hari ini.</TEXT></TimeML>
            """;

        var result = MetadataEvaluator.Evaluate(
        [
            new RawDocument("a.tml", Encoding.UTF8.GetBytes(withTitle)),
            new RawDocument("b.tml", Encoding.UTF8.GetBytes(withoutTitle)),
        ]);

        Assert.Equal(2, result.PublishedCorrect);
        Assert.Equal(1, result.TitlesScored);
        Assert.Equal(1, result.TitlesSkipped);
        Assert.Equal(1, result.TitlesCorrect);
        Assert.Equal(2, result.OutletMatches);
    }

    [Fact]
    public void Should_lay_out_a_timeml_article_as_a_saved_page()
    {
        var page = MetadataEvaluator.SavedPage(new Warta.Core.Ingestion.TimeMlDocument("Senin, 29 Desember 2014", "2014-12-29", "Judul", "Isi."));

        Assert.Equal("Senin, 29 Desember 2014\n\nJudul\n\nIsi.\n", page);
    }
}
