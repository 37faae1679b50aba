using System.Text.Json;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class EvalStoryCommandsTests
{
    private static readonly string Corpus = RepoPaths.Combine("samples", "corpus");

    [Fact]
    public void Should_report_quote_attribution_of_the_sample_corpus_above_its_floor_with_the_errors_left()
    {
        // When the sample corpus is scored against its quote gold, with the errors asked for
        var run = WartaProcess.Run("eval", "quotes", "--corpus", Corpus, "--gold", RepoPaths.Combine("eval", "quotes", "sample-corpus.tsv"), "--errors", "500", "--json");

        // Then every gold quote is counted, attribution is at or above the floor and each wrong speaker is listed
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal(230, root.GetProperty("gold").GetInt32());
        Assert.True(root.GetProperty("attributionAccuracy").GetDouble() >= Baseline.Floor("quotes.sample.attributionAccuracy"), run.Output);
        var wrong = root.GetProperty("errors").EnumerateArray().Count(static e => e.GetProperty("kind").GetString() == "speaker");
        Assert.Equal(root.GetProperty("matched").GetInt32() - root.GetProperty("speakerRight").GetInt32(), wrong);
    }

    [Fact]
    public void Should_refuse_quote_gold_without_its_header_as_a_usage_error()
    {
        using var folder = new TempFolder();
        var gold = Path.Combine(folder.Path, "gold.tsv");
        File.WriteAllText(gold, "txt/a.txt\tAir naik\tSyamsul Bahri\n");

        var run = WartaProcess.Run("eval", "quotes", "--corpus", Corpus, "--gold", gold);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("header", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_print_brief_and_lead_ROUGE_per_story_with_citations_and_disagreements()
    {
        var run = WartaProcess.Run("eval", "briefs", "--corpus", Corpus, "--gold", RepoPaths.Combine("eval", "briefs", "sample-corpus.jsonl"),
            "--disagreements", RepoPaths.Combine("eval", "disagreements", "sample-corpus.tsv"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal(8, root.GetProperty("stories").GetArrayLength());
        Assert.True(root.GetProperty("brief").GetProperty("rouge1").GetDouble() > root.GetProperty("lead").GetProperty("rouge1").GetDouble(), run.Output);
        Assert.True(root.GetProperty("citationAccuracy").GetDouble() >= Baseline.Floor("briefs.sample.citationAccuracy"), run.Output);
        Assert.Equal(4, root.GetProperty("disagreements").GetProperty("listed").GetInt32());
    }
}
