using System.Text;
using Warta.Core.Extraction.Temporal;
using Warta.Core.Model;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Evaluation.Tests;

public class TimexEvaluationTests
{
    private const string Sample =
        "<?xml version=\"1.0\" ?>\r\n<TimeML>\r\n<DOCID>d1</DOCID>\r\n"
        + "<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"2019-4-23\" functionInDocument=\"CREATION_TIME\">Selasa, 23 April 2019</TIMEX3></DCT>\r\n"
        + "<TITLE>Uji &amp; coba</TITLE>\r\n<TEXT>\r\nAli &amp; Budi datang pada <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2019-04-29\">Senin</TIMEX3> di Pasar 56 & 461 "
        + "dan pergi <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2019-W18\">pekan depan</TIMEX3> selama "
        + "<TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P3D\">tiga hari penuh</TIMEX3>.\r\n</TEXT>\r\n</TimeML>\r\n";

    [Fact]
    public void Should_read_plain_text_gold_spans_and_the_creation_time_from_lenient_timeml()
    {
        // Given TimeML with CRLF line ends, an entity and a bare ampersand
        // When it is read
        var doc = TimeMlReader.Read(new StringReader(Sample));

        // Then tags are gone, offsets point into the plain text and the DCT is the reference
        Assert.Equal("d1", doc.Id);
        Assert.Equal("Uji & coba", doc.Title);
        Assert.Equal(new DateTime(2019, 4, 23), doc.CreationTime.Date);
        Assert.Equal("Selasa, 23 April 2019", doc.CreationTimeText);
        Assert.Contains("Ali & Budi", doc.Text, StringComparison.Ordinal);
        Assert.Contains("56 & 461", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", doc.Text, StringComparison.Ordinal);
        Assert.Equal(["Senin", "pekan depan", "tiga hari penuh"], doc.Timexes.Select(t => doc.Text.Substring(t.Start, t.Length)));
        Assert.Equal([TimexType.Date, TimexType.Date, TimexType.Duration], doc.Timexes.Select(t => t.Type));
        Assert.Equal("P3D", doc.Timexes[2].Value);
    }

    [Fact]
    public void Should_score_strict_relaxed_type_and_value_agreement()
    {
        // Given gold where "tiga hari penuh" is longer than the tagger's span and "Senin" carries a different value
        var doc = TimeMlReader.Read(new StringReader(Sample));

        // When the tagger is scored against it
        var score = TimexEvaluator.Evaluate([doc]).Score;

        // Then two of three spans match exactly, all three overlap, types agree and two values agree
        Assert.Equal((3, 3, 2, 3, 3, 2), (score.Gold, score.Predicted, score.StrictMatches, score.RelaxedMatches, score.TypeCorrect, score.ValueCorrect));
        Assert.Equal(2.0 / 3, score.StrictF1, 6);
        Assert.Equal(1.0, score.RelaxedF1, 6);
        Assert.Equal(2.0 / 3, score.NormalisationAccuracy, 6);
        Assert.Equal(2.0 / 3, score.ValueF1, 6);
    }

    [Fact]
    public void Should_report_no_rates_when_there_is_no_gold()
    {
        var doc = TimeMlReader.Read(new StringReader(Sample.Replace("<TIMEX3 tid=\"t1\"", "<X tid=\"t1\"", StringComparison.Ordinal)
            .Replace("Senin</TIMEX3>", "Senin</X>", StringComparison.Ordinal)));
        Assert.Equal(2, doc.Timexes.Count);

        var empty = new TimexScore(1, 0, 4, 0, 0, 0, 0);
        Assert.False(empty.HasGold);
        Assert.True(double.IsNaN(empty.RelaxedF1));
        Assert.True(double.IsNaN(empty.RelaxedPrecision));
    }

    [Fact]
    public void Should_normalise_every_kompas_creation_time_string_to_its_dct_value()
    {
        // Given the Kompas development documents (their DCT text, "Jumat, 18 Oktober 2013", is the one real gold value they carry)
        var documents = ReadKompas();

        // When each DCT string is tagged against a reference ten days later
        var wrong = documents
            .Select(d => (d.Id, Expected: d.CreationTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Found: TemporalTagger.Tag(Tokenizer.Tokenize(d.CreationTimeText), d.CreationTime.AddDays(10))))
            .Where(x => x.Found.Count != 1 || x.Found[0].Value != x.Expected || x.Found[0].Length != x.Found[0].Text.Length)
            .Select(x => x.Id)
            .ToList();

        // Then every one is a single expression with the DCT's value
        Assert.Equal(50, documents.Count);
        Assert.Empty(wrong);
    }

    [Fact]
    public void Should_keep_recognition_and_normalisation_above_the_pinned_floors_on_kompas_dev()
    {
        // Given the Kompas development set with Warta's stand-off TIMEX3 annotation (the published files carry only the DCT)
        var path = RepoPaths.Combine("eval", "timex", "kompas-dev.timex.tsv");
        var documents = TimexStandoffReader.Apply(new StringReader(File.ReadAllText(path, Encoding.UTF8)), path, ReadKompas());

        // When the tagger is scored against it
        var score = TimexEvaluator.Evaluate(documents).Score;

        // Then the figures stay above the floors
        Assert.True(score.HasGold);
        Assert.True(score.RelaxedF1 >= Baseline.Floor("timex.kompas.relaxedF1"), $"relaxed F1 {score.RelaxedF1:0.0000}");
        Assert.True(score.StrictF1 >= Baseline.Floor("timex.kompas.strictF1"), $"strict F1 {score.StrictF1:0.0000}");
        Assert.True(score.NormalisationAccuracy >= Baseline.Floor("timex.kompas.normalisation"), $"normalisation {score.NormalisationAccuracy:0.0000}");
    }

    internal static List<TimeMlDocument> ReadKompas()
    {
        var folder = SharedData.PathOf("timex/kompas-dev");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1252 = Encoding.GetEncoding(1252);
        return Directory.GetFiles(folder, "*.tml")
            .Order(StringComparer.Ordinal)
            .Select(f => TimeMlReader.Read(new StringReader(cp1252.GetString(File.ReadAllBytes(f)))))
            .ToList();
    }
}
