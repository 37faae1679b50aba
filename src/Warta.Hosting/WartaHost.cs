using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Warta.Hosting;

/// <summary>Builds the host a Warta process runs in, so that the CLI and the server configure, log and start the same services.</summary>
public static class WartaHost
{
    /// <summary>A host builder with Warta's configuration sources, stderr logging and <see cref="WartaServiceCollectionExtensions.AddWarta"/>.</summary>
    /// <param name="commandLine">Settings the user gave on the command line (highest precedence).</param>
    /// <param name="folder">Where <c>warta.json</c> is looked for; the working folder by default.</param>
    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>>? commandLine = null, string? folder = null)
    {
        // Defaults off: the generic host would also read appsettings.json and DOTNET_ variables, which Warta does not document.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = folder ?? Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddWartaSources(folder, commandLine);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Logs go to stderr so stdout stays the command's output; one line each, as CLI users expect.
        builder.Logging.AddSimpleConsole(static o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = false;
            o.TimestampFormat = null;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(static o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddWarta(builder.Configuration);
        return builder;
    }
}
