using System.Text.Json;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class EvalSearchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_score_both_indexes_on_a_hard_case_set_and_report_the_missing_sets_as_skipped()
    {
        // Given a hard-case folder with two reports of one flood, two of one fire and a single report on chilli prices
        var folder = Path.Combine(_folder.Path, "hard");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "hardcases.jsonl"),
        [
            Line("banjir", "Sungai Rampa Meluap", "Sungai Rampa meluap dan merendam sembilan desa di Kabupaten Rampa Hulu, Senin (12/1/2026)."),
            Line("banjir", "Banjir Rampa Hulu Meluas", "Banjir akibat luapan Sungai Rampa di Kabupaten Rampa Hulu meluas ke 14 desa."),
            Line("kebakaran", "Kebakaran di Pare Bata", "Kebakaran menghanguskan 48 rumah di permukiman padat Kota Pare Bata, Minggu (5/4/2026)."),
            Line("kebakaran", "Rumah Terbakar Jadi 52", "Jumlah rumah yang terbakar di Kota Pare Bata bertambah menjadi 52 unit."),
            Line("cabai", "Harga Cabai Naik", "Harga cabai rawit di pasar tradisional naik setelah hujan deras sepekan."),
        ]);

        // When it is evaluated without the shared sets
        var run = WartaProcess.Run("eval", "search", "--hardcases", folder, "--ecbplus", Path.Combine(_folder.Path, "none.jsonl"),
            "--kompas", Path.Combine(_folder.Path, "none"), "--json");

        // Then the four reports with a story-mate are queries, each finding its mate first in both indexes
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var hard = report.RootElement.GetProperty("hardcases");
        Assert.Equal(5, hard.GetProperty("articles").GetInt32());
        Assert.Equal(4, hard.GetProperty("queries").GetInt32());
        Assert.Equal(1.0, hard.GetProperty("warta").GetProperty("mrr").GetDouble(), 6);
        Assert.Equal(1.0, hard.GetProperty("plain").GetProperty("mrr").GetDouble(), 6);
        Assert.Equal(0.0, hard.GetProperty("mrrGain").GetDouble(), 6);
        Assert.StartsWith("not found", report.RootElement.GetProperty("ecbplus").GetProperty("skipped").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("not found", report.RootElement.GetProperty("kompas").GetProperty("skipped").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_fail_when_no_set_is_found()
    {
        var run = WartaProcess.Run("eval", "search", "--hardcases", _folder.Path, "--ecbplus", Path.Combine(_folder.Path, "none.jsonl"),
            "--kompas", _folder.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("hardcases  skipped: not found", run.Output, StringComparison.Ordinal);
    }

    private static string Line(string story, string title, string text) =>
        JsonSerializer.Serialize(new { story, title, text, outlet = "kabarnusa.id", published = "2026-01-12T09:30:00+07:00" });
}
