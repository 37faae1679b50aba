using System.Text.Json;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class EvalNerCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_score_a_model_trained_in_memory_on_the_folders_own_train_split()
    {
        // Given NER-UI, whose licence allows evaluation but not a shipped model
        var nerui = SharedData.PathOf(Path.Combine("ner", "nerui"));

        // When scored under the published protocol (train on its train split, score its dev split)
        var run = WartaProcess.Run("eval", "ner", nerui, "--in-domain", "--json");

        // Then the entity F1 is at least the pinned floor, and nothing was written beside the data or the shipped model
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var f1 = report.RootElement.GetProperty("overall").GetProperty("f1").GetDouble();
        Assert.True(f1 >= Baseline.Floor("ner.nerui.inDomain.f1"), $"in-domain NER-UI F1 {f1} < floor {Baseline.Floor("ner.nerui.inDomain.f1")}");
        Assert.Equal(["dev.tsv", "train.tsv"], Directory.GetFiles(nerui).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("nergrit", "nergrit")]
    [InlineData("nerui", "shared")]
    public void Should_score_a_training_set_with_its_own_correction_and_any_other_set_with_the_shared_weights(string set, string domain)
    {
        // Given a set the shipped model trained on (its train split), or one it never saw
        var folder = SharedData.PathOf(Path.Combine("ner", set));

        // When scored with the shipped model
        var run = WartaProcess.Run("eval", "ner", folder, "--json");

        // Then the report names the domain used
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(domain, report.RootElement.GetProperty("domain").GetString());
    }

    [Fact]
    public void Should_name_an_unreadable_model_file_and_fail()
    {
        // Given a model file that is not a model
        var folder = Path.Combine(_folder.Path, "set");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "dev.tsv"), "Budi\tB-PER\n");
        var model = Path.Combine(_folder.Path, "model.bin");
        File.WriteAllBytes(model, [0x1f, 0x8b, 0x08, 0x00, 0x42, 0x42, 0x42]);

        // When it is scored
        var run = WartaProcess.Run("eval", "ner", folder, "--model", model);

        // Then the error names the file, and the exit code says it failed
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(model, run.Error, StringComparison.Ordinal);
        Assert.Contains("cannot read NER model", run.Error, StringComparison.Ordinal);
    }
}
