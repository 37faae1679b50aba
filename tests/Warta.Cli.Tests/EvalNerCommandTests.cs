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
    public void Should_write_each_token_with_its_gold_and_predicted_label_when_asked_for_predictions()
    {
        // Given a small labeled dev split
        var folder = Path.Combine(_folder.Path, "set");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "dev.tsv"), string.Join('\n',
            "Presiden\tO", "Joko\tB-PER", "Widodo\tI-PER", "tiba\tO", "di\tO", "Surabaya\tB-LOC", ".\tO", "",
            "Kementerian\tB-ORG", "Luar\tI-ORG", "Negeri\tI-ORG", "menyampaikan\tO", "pernyataan\tO", "itu\tO", "di\tO", "Jakarta\tB-LOC", ".\tO", ""));
        var predictions = Path.Combine(_folder.Path, "predictions.tsv");

        // When it is scored with predictions written out
        var run = WartaProcess.Run("eval", "ner", folder, "--json", "--predictions", predictions);

        // Then every token is there with its gold label, sentences are separated, and the predicted entities are the ones scored
        Assert.Equal(0, run.ExitCode);
        var blocks = File.ReadAllText(predictions).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, blocks.Length);
        var rows = blocks.SelectMany(b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(3, r.Length));
        Assert.Equal(["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya", "."], rows.Take(7).Select(r => r[0]));
        Assert.Equal(["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"], rows.Take(7).Select(r => r[1]));
        using var report = JsonDocument.Parse(run.Output);
        var overall = report.RootElement.GetProperty("overall");
        var predictedChunks = blocks.Sum(b => CountChunks([.. b.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[2])]));
        Assert.Equal(overall.GetProperty("predicted").GetInt32(), predictedChunks);
        Assert.Equal(4, overall.GetProperty("gold").GetInt32());
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

    /// <summary>CoNLL chunks: a B-X, or an I-X that does not continue an X.</summary>
    private static int CountChunks(string[] labels) => labels.Where((label, i) =>
        label.StartsWith("B-", StringComparison.Ordinal)
        || (label.StartsWith("I-", StringComparison.Ordinal) && (i == 0 || labels[i - 1] == "O" || labels[i - 1][2..] != label[2..]))).Count();
}
