using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

/// <summary>Where the store comes from: <c>--db</c>, then <c>WARTA_STORE</c>, then <c>"store"</c> in <c>warta.json</c>, then <c>./warta.db</c>.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_open_the_store_named_by_the_command_line_then_the_environment_then_warta_json_then_the_default()
    {
        var article = _folder.File("berita.txt");
        File.WriteAllText(article, "Banjir Rendam Desa Lamaru\n\nLAMARU - Banjir merendam ratusan rumah di Desa Lamaru, Senin (3/3/2025). Warga mengungsi ke balai desa.");
        Dictionary<string, string?> noEnvironment = new() { ["WARTA_STORE"] = null };

        Assert.Equal(0, WartaProcess.RunIn(_folder.Path, noEnvironment, "ingest", article).ExitCode);
        Assert.True(File.Exists(_folder.File("warta.db")));

        File.WriteAllText(_folder.File("warta.json"), """{ "store": "from-file.db" }""");
        Assert.Equal(0, WartaProcess.RunIn(_folder.Path, noEnvironment, "ingest", article).ExitCode);
        Assert.True(File.Exists(_folder.File("from-file.db")));

        Dictionary<string, string?> environment = new() { ["WARTA_STORE"] = _folder.File("from-env.db") };
        Assert.Equal(0, WartaProcess.RunIn(_folder.Path, environment, "ingest", article).ExitCode);
        Assert.True(File.Exists(_folder.File("from-env.db")));

        var listed = WartaProcess.RunIn(_folder.Path, environment, "--db", _folder.File("from-cli.db"), "ingest", article);
        Assert.Equal(0, listed.ExitCode);
        Assert.True(File.Exists(_folder.File("from-cli.db")));
        Assert.Contains("new 1", listed.Output, StringComparison.Ordinal);
    }
}
