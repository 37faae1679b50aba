using System.Text;
using Warta.Core.Model;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests;

public class TimexStandoffReaderTests
{
    private const string Document =
        "<TimeML>\n<DOCID>d1</DOCID>\n"
        + "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2014-11-26\" functionInDocument=\"CREATION_TIME\">Rabu, 26 November 2014</TIMEX3></DCT>\n"
        + "<TEXT>\nHarga turun pada Selasa (25/11/2014) waktu setempat (Rabu pagi WIB). Sejak Juni harga jatuh; "
        + "OPEC bertemu Kamis dan lagi pada Juni.\n</TEXT>\n</TimeML>\n";

    private const string Gold =
        "# stand-off gold for d1\n"
        + "d1\t1\tSelasa (25/11/2014)\tDATE\t2014-11-25\n"
        + "\n"
        + "d1\t1\tRabu pagi WIB\tTIME\t2014-11-26TMO\n"
        + "d1\t2\tJuni\tDATE\t2015-06\n"
        + "d1\t1\tJuni\tDATE\t2014-06\n"
        + "d1\t1\tKamis\tDATE\t2014-11-27\n";

    [Fact]
    public void Should_place_each_line_on_the_nth_occurrence_of_its_text_in_text_order()
    {
        // Given a TimeML document without inline gold and a stand-off file that lists its second "Juni" before the first
        var doc = TimeMlReader.Read(new StringReader(Document));
        Assert.Empty(doc.Timexes);

        // When the stand-off gold is applied
        var annotated = Assert.Single(TimexStandoffReader.Apply(new StringReader(Gold), "gold.tsv", [doc]));

        // Then every span covers its text at the right occurrence, sorted by position, with its type and value
        Assert.Equal(["Selasa (25/11/2014)", "Rabu pagi WIB", "Juni", "Kamis", "Juni"], annotated.Timexes.Select(t => annotated.Text.Substring(t.Start, t.Length)));
        Assert.Equal(["2014-11-25", "2014-11-26TMO", "2014-06", "2014-11-27", "2015-06"], annotated.Timexes.Select(t => t.Value));
        Assert.Equal(TimexType.Time, annotated.Timexes[1].Type);
        Assert.True(annotated.Timexes[2].Start < annotated.Timexes[4].Start);
        Assert.Equal(doc.Text, annotated.Text);
    }

    [Theory]
    [InlineData("d1\t1\tJuni\tDATE", "4 columns")]
    [InlineData("d1\t1\tJuni\tDATE\t2014-06\textra", "6 columns")]
    [InlineData("d1\tone\tJuni\tDATE\t2014-06", "occurrence 'one'")]
    [InlineData("d1\t0\tJuni\tDATE\t2014-06", "occurrence '0'")]
    [InlineData("d1\t1\tJuni\tMONTH\t2014-06", "unknown type 'MONTH'")]
    [InlineData("d1\t1\tJuni\tDATE\t", "empty value")]
    [InlineData("d1\t3\tJuni\tDATE\t2014-06", "fewer than 3 times")]
    [InlineData("d1\t1\tJuli\tDATE\t2014-07", "'Juli' does not occur in d1")]
    [InlineData("d2\t1\tJuni\tDATE\t2014-06", "unknown document 'd2'")]
    [InlineData("d1\t1\tKamis\tDATE\t2014-11-27", "given twice")]
    public void Should_name_the_file_and_line_of_a_malformed_line(string line, string reason)
    {
        // Given a stand-off file whose fourth line is malformed
        var doc = TimeMlReader.Read(new StringReader(Document));
        var gold = "# header\nd1\t1\tKamis\tDATE\t2014-11-27\n\n" + line + "\n";

        // When it is applied
        var error = Assert.Throws<FormatException>(() => TimexStandoffReader.Apply(new StringReader(gold), "eval/x.tsv", [doc]));

        // Then the message names the file, the line number and what is wrong
        Assert.StartsWith("eval/x.tsv:4: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_resolve_every_line_of_the_kompas_dev_gold_against_its_documents()
    {
        // Given the 50 Kompas development documents and the repository's stand-off annotation of them
        var documents = TimexEvaluationTests.ReadKompas();
        var path = RepoPaths.Combine("eval", "timex", "kompas-dev.timex.tsv");
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0 && l[0] != '#').ToList();

        // When it is applied
        var annotated = TimexStandoffReader.Apply(new StringReader(File.ReadAllText(path, Encoding.UTF8)), path, documents);

        // Then every line became one span whose text is what the line says, and every document is annotated
        Assert.Equal(lines.Count, annotated.Sum(d => d.Timexes.Count));
        Assert.All(annotated, d => Assert.All(d.Timexes, t => Assert.Equal(t.Text, d.Text.Substring(t.Start, t.Length))));
        Assert.All(annotated, d => Assert.NotEmpty(d.Timexes));
    }
}
