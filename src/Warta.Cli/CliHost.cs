using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Warta.Hosting;
using Warta.Storage.Sqlite;
using Warta.Text;

namespace Warta.Cli;

/// <summary>The host one command runs in: Warta's configuration with <c>--db</c> (when given) on top, and its services.</summary>
internal sealed class CliHost : IDisposable
{
    private readonly IHost _host;

    private CliHost(IHost host) => _host = host;

    /// <summary>Builds the host for a parsed command line.</summary>
    public static CliHost Create(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        // Only an explicit --db overrides the environment and warta.json; a null value adds nothing.
        return new CliHost(WartaHost.CreateBuilder([new(nameof(WartaOptions.Store), parseResult.GetValue(GlobalOptions.Db))]).Build());
    }

    /// <summary>Where the store lives, as configured.</summary>
    public string StoreLocation => _host.Services.GetRequiredService<IOptions<WartaOptions>>().Value.Store;

    /// <summary>The process's text analyzer (a missing dictionary is logged once).</summary>
    public ITextAnalyzer Analyzer => _host.Services.GetRequiredService<TextAnalysisServices>().Analyzer;

    /// <summary>Opens the configured store, or writes one line naming it and why to <paramref name="error"/> and returns null.</summary>
    public SqliteStore? TryOpenStore(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return _host.Services.GetRequiredService<StoreOpener>().Open();
        }
        catch (StoreUnavailableException ex)
        {
            error.WriteLine($"warta: {ex.Message}");
            return null;
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"warta: {ex.Message}");
            return null;
        }
    }

    public void Dispose() => _host.Dispose();
}
