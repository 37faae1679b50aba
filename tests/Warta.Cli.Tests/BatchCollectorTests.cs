using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class BatchCollectorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(true, "index", "rebuild")]
    [InlineData(true, "--db", "x.db", "index", "rebuild", "--lock-timeout", "5")]
    [InlineData(true, "bench", "search", "--articles", "200")]
    [InlineData(false, "index", "status")]
    [InlineData(false, "search", "banjir")]
    [InlineData(false, "bench", "--articles", "200")]
    [InlineData(false, "ingest", "samples/corpus")]
    [InlineData(false, "serve")]
    [InlineData(false, "index", "rebuild", "--no-such-option")]
    public void Should_run_only_the_commands_that_fill_an_index_under_the_batch_collector(bool fills, params string[] args)
    {
        Assert.Equal(fills, WartaCommandLine.FillsIndex(args));
    }

    [Fact]
    public void Should_rebuild_the_index_in_a_child_process_with_the_commands_output_and_exit_code()
    {
        var db = _folder.File("w.db");
        Assert.Equal(0, WartaInProcess.Run("--db", db, "ingest", SampleCorpus.Folder).ExitCode);
        var stored = WartaInProcess.Run("--db", db, "articles", "--json").Output;

        var rebuilt = WartaProcess.Run("--db", db, "index", "rebuild");
        var found = WartaInProcess.Run("--db", db, "search", "banjir", "Lamaru");
        var refused = WartaProcess.Run("--db", _folder.File("none.db"), "index", "rebuild");

        Assert.Equal(0, rebuilt.ExitCode);
        Assert.Matches(@"^indexed \d+ articles up to change \d+ into .+ in [0-9.]+ s\n$", rebuilt.Output);
        Assert.Equal(0, found.ExitCode);
        Assert.Contains("Lamaru", found.Output, StringComparison.Ordinal);
        Assert.Equal(stored, WartaInProcess.Run("--db", db, "articles", "--json").Output);
        // A store that is not there: the child's one-line error and exit code are the command's.
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("no store there", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_index_the_benchmark_under_the_batch_collector_unless_turned_off()
    {
        var data = Path.GetDirectoryName(SharedData.PathOf("ner"))!;
        string[] args(string name) => ["--db", _folder.File(name + ".db"), "bench", "search", "--articles", "300", "--index", _folder.File(name), "--index-only", "--data", data];

        var batch = WartaProcess.Run(args("batch"));
        var defaults = WartaProcess.RunIn(AppContext.BaseDirectory, new Dictionary<string, string?> { ["WARTA_BATCH_COLLECTOR"] = "0" }, args("defaults"));

        Assert.Equal(0, batch.ExitCode);
        Assert.Contains("collector settings: batch settings, in a process of its own (server collector, 64 MB gen-0 budget, blocking gen-2 collections)", batch.OutputLines);
        Assert.Equal(0, defaults.ExitCode);
        Assert.Contains("collector settings: the process's defaults (workstation collector)", defaults.OutputLines);
    }
}
