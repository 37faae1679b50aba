using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Warta.Testing;
using Xunit;

namespace Warta.Hosting.Tests;

/// <summary>Configuration precedence and store selection; not run in parallel because one test sets a process environment variable.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class WartaHostTests
{
    [Fact]
    public void Should_default_to_the_embedded_store_in_the_working_folder_when_nothing_is_configured()
    {
        using var folder = new TempFolder();
        using var host = WartaHost.CreateBuilder(folder: folder.Path).Build();

        Assert.Equal(WartaOptions.DefaultStore, host.Services.GetRequiredService<IOptions<WartaOptions>>().Value.Store);
    }

    [Fact]
    public void Should_take_the_store_from_warta_json_then_environment_then_command_line()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File(WartaConfiguration.SettingsFile), """{ "store": "from-file.db" }""");

        Assert.Equal("from-file.db", StoreOf(folder.Path, null));
        var previous = Environment.GetEnvironmentVariable("WARTA_STORE");
        Environment.SetEnvironmentVariable("WARTA_STORE", "from-env.db");
        try
        {
            Assert.Equal("from-env.db", StoreOf(folder.Path, null));
            Assert.Equal("from-cli.db", StoreOf(folder.Path, "from-cli.db"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("WARTA_STORE", previous);
        }
    }

    [Fact]
    public void Should_stem_with_the_loading_analyzer_as_the_loaded_one_does()
    {
        using var folder = new TempFolder();
        using var host = WartaHost.CreateBuilder(folder: folder.Path).Build();
        var services = host.Services.GetRequiredService<TextAnalysisServices>();
        var tokens = Text.Tokenizer.Tokenize("Pemerintah mengunjungi warga yang mengungsi.");

        var loading = services.LoadingAnalyzer().Analyze(tokens, "id");

        var loaded = services.Analyzer.Analyze(tokens, "id");
        Assert.NotEmpty(loaded.Tokens);
        Assert.Equal(loaded.Tokens.Select(static t => t.Stem), loading.Tokens.Select(static t => t.Stem));
        Assert.Contains("kunjung", loading.Tokens.Select(static t => t.Stem));
    }

    [Fact]
    public void Should_open_the_configured_store_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("news.db");
        using var host = WartaHost.CreateBuilder([new("Store", path)], folder.Path).Build();

        using var store = host.Services.GetRequiredService<StoreOpener>().Open();

        Assert.Equal(Path.GetFullPath(path), store.Location);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Should_name_the_store_when_it_cannot_be_opened()
    {
        using var folder = new TempFolder();
        var path = folder.File("not-a-database.db");
        File.WriteAllText(path, "this is a text file, not SQLite, and long enough to have a header that is wrong");
        using var host = WartaHost.CreateBuilder([new("Store", path)], folder.Path).Build();

        var error = Assert.Throws<StoreUnavailableException>(() => host.Services.GetRequiredService<StoreOpener>().Open().Dispose());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Location);
    }

    [Fact]
    public void Should_reject_an_empty_store_setting_naming_where_it_comes_from()
    {
        using var folder = new TempFolder();
        using var host = WartaHost.CreateBuilder([new("Store", " ")], folder.Path).Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<WartaOptions>>().Value);

        Assert.Contains("WARTA_STORE", error.Message, StringComparison.Ordinal);
    }

    private static string StoreOf(string folder, string? commandLine)
    {
        using var host = WartaHost.CreateBuilder([new("Store", commandLine)], folder).Build();
        return host.Services.GetRequiredService<IOptions<WartaOptions>>().Value.Store;
    }
}
