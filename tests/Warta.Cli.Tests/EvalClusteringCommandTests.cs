using System.Text.Json;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class EvalClusteringCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_write_each_article_with_its_gold_and_predicted_story_and_score_the_time_gap_baseline()
    {
        // Given a small uci-style set: two reports of one story, then an unrelated one a day later
        var csv = Path.Combine(_folder.Path, "set.csv");
        File.WriteAllText(csv, "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n"
            + "1,Pizza-maker Sbarro files for Chapter 11 bankruptcy,http://a.example/1,Reuters,b,sbarro,a.example,1394470000000\n"
            + "2,Sbarro files for Chapter 11 bankruptcy again,http://b.example/2,CNBC,b,sbarro,b.example,1394470030000\n"
            + "3,Titanfall review roundup: critics weigh in,http://c.example/3,Polygon,t,titanfall,c.example,1394556400000\n");
        var placements = Path.Combine(_folder.Path, "placements.tsv");

        // When it is evaluated with both diagnostics
        var run = WartaProcess.Run("eval", "clustering", "--uci", csv, "--kompas", Path.Combine(_folder.Path, "none.tsv"),
            "--placements", placements, "--time-gap-baseline", "60", "--json");

        // Then the placements file lists the three articles in time order, the two Sbarro reports in one story
        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(placements);
        Assert.Equal("published\tgold\tstory\toutlet\ttitle", lines[0]);
        var rows = lines[1..].Select(static l => l.Split('\t')).ToList();
        Assert.Equal(["sbarro", "sbarro", "titanfall"], rows.Select(static r => r[1]));
        Assert.Equal(rows[0][2], rows[1][2]);
        Assert.NotEqual(rows[0][2], rows[2][2]);
        Assert.Equal("Sbarro files for Chapter 11 bankruptcy again", rows[1][4]);

        // And the baseline cut at 60 s keeps the Sbarro reports (30 s apart) together and the later review apart
        using var report = JsonDocument.Parse(run.Output);
        var baseline = report.RootElement.GetProperty("uciTimeGapBaseline");
        Assert.Equal(2, baseline.GetProperty("predictedStories").GetInt32());
        Assert.Equal(1.0, baseline.GetProperty("pairF1").GetDouble(), 6);
    }

    [Fact]
    public void Should_refuse_a_gap_that_is_not_positive()
    {
        var run = WartaProcess.Run("eval", "clustering", "--time-gap-baseline", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--time-gap-baseline", run.Error, StringComparison.Ordinal);
    }
}
