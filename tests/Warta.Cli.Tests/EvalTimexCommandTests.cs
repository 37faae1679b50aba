using System.Text.Json;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class EvalTimexCommandTests : IDisposable
{
    private const string Document =
        "<TimeML>\n<DOCID>d1</DOCID>\n"
        + "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2014-11-26\" functionInDocument=\"CREATION_TIME\">Rabu, 26 November 2014</TIMEX3></DCT>\n"
        + "<TEXT>\nHarga minyak turun sejak Juni.\n</TEXT>\n</TimeML>\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_score_kompas_dev_against_the_repository_stand_off_gold()
    {
        // Given the Kompas development set, whose files carry no TIMEX3 in TEXT, and Warta's stand-off annotation of it
        var kompas = SharedData.PathOf(Path.Combine("timex", "kompas-dev"));
        var gold = RepoPaths.Combine("eval", "timex", "kompas-dev.timex.tsv");

        // When scored with --gold
        var run = WartaProcess.Run("eval", "timex", kompas, "--gold", gold, "--json");

        // Then all 50 documents are scored against the stand-off spans, above the pinned floors
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal(50, root.GetProperty("documents").GetInt32());
        Assert.True(root.GetProperty("gold").GetInt32() > 300);
        Assert.True(root.GetProperty("strictF1").GetDouble() >= Baseline.Floor("timex.kompas.strictF1"), run.Output);
        Assert.True(root.GetProperty("relaxedF1").GetDouble() >= Baseline.Floor("timex.kompas.relaxedF1"), run.Output);
        Assert.True(root.GetProperty("normalisationAccuracy").GetDouble() >= Baseline.Floor("timex.kompas.normalisation"), run.Output);
    }

    [Fact]
    public void Should_list_disagreements_with_stand_off_gold_and_point_to_it_without()
    {
        // Given one unannotated document and a stand-off line for its "Juni"
        var tml = _folder.File("d1.tml");
        File.WriteAllText(tml, Document);
        var gold = _folder.File("gold.tsv");
        File.WriteAllText(gold, "# test gold\nd1\t1\tJuni\tDATE\t2013-06\n");

        // When scored with and without --gold
        var with = WartaProcess.Run("eval", "timex", tml, "--gold", gold, "--errors", "5");
        var without = WartaProcess.Run("eval", "timex", tml);

        // Then the gold span is scored (here a value disagreement is listed), and without it the output names the option
        Assert.Equal(0, with.ExitCode);
        Assert.Contains("gold TIMEX3 1", with.Output, StringComparison.Ordinal);
        Assert.Contains(with.OutputLines, l => l.StartsWith("WrongValue", StringComparison.Ordinal) && l.Contains("DATE 2013-06", StringComparison.Ordinal));
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("--gold eval/timex/kompas-dev.timex.tsv", without.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_file_and_line_of_malformed_gold_and_fail()
    {
        // Given stand-off gold whose second line names a document that is not there
        var tml = _folder.File("d1.tml");
        File.WriteAllText(tml, Document);
        var gold = _folder.File("gold.tsv");
        File.WriteAllText(gold, "d1\t1\tJuni\tDATE\t2014-06\nd9\t1\tJuni\tDATE\t2014-06\n");

        // When it is scored
        var run = WartaProcess.Run("eval", "timex", tml, "--gold", gold);

        // Then it fails with the file and line in the error
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{gold}:2: unknown document 'd9'", run.Error, StringComparison.Ordinal);
    }
}
