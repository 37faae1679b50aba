using Warta.Evaluation.Search;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Search;

/// <summary>The pinned relevance floors of <c>warta eval search</c>: Warta's own MRR and precision at 10, and its gain over the plain baseline.</summary>
public sealed class RelevanceBaselineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_reach_the_pinned_floors_on_the_Indonesian_hard_cases()
    {
        var set = RelevanceSets.HardCases(RepoPaths.Combine("samples", "hardcases"));

        var report = await RelevanceEvaluator.RunAsync(set, Analyzers.Default, TestContext.Current.CancellationToken);

        AssertFloors("hardcases", report, 67);
    }

    [Fact]
    public async Task Should_reach_the_pinned_floors_on_the_Kompas_dev_threads()
    {
        var set = RelevanceSets.Kompas(SharedData.PathOf("timex"));

        var report = await RelevanceEvaluator.RunAsync(set, Analyzers.Default, TestContext.Current.CancellationToken);

        AssertFloors("kompas", report, 50);
    }

    [Fact]
    public async Task Should_reach_the_pinned_floors_on_ECB_plus_dev_in_English()
    {
        var set = RelevanceSets.JsonLines(SharedData.PathOf("stories/ecbplus/dev.jsonl"));

        var report = await RelevanceEvaluator.RunAsync(set, Analyzers.Default, TestContext.Current.CancellationToken);

        AssertFloors("ecbplusDev", report, 770);
    }

    private void AssertFloors(string set, RelevanceReport report, int articles)
    {
        output.WriteLine($"{set}: MRR {report.Warta.Mrr:F3} (plain {report.Plain.Mrr:F3}, gain {report.MrrGain:+0.000;-0.000}), P@10 {report.Warta.PrecisionAt10:F3} (plain {report.Plain.PrecisionAt10:F3})");
        Assert.Equal(articles, report.Articles);
        Assert.True(report.Warta.Mrr >= Baseline.Floor($"search.{set}.mrr"), $"MRR {report.Warta.Mrr:F3}");
        Assert.True(report.Warta.PrecisionAt10 >= Baseline.Floor($"search.{set}.precisionAt10"), $"P@10 {report.Warta.PrecisionAt10:F3}");
        Assert.True(report.MrrGain >= Baseline.Floor($"search.{set}.mrrGain"), $"MRR gain over plain tokens {report.MrrGain:+0.000;-0.000}");
    }
}
