using System.CommandLine;
using Warta.Hosting;
using Warta.Web;

namespace Warta.Cli.Commands;

/// <summary><c>warta serve [--urls URLS] [--public]</c>: the JSON API and the web app on the store, until Ctrl+C or SIGTERM.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, semicolon-separated (default {ServeOptions.DefaultUrls}: loopback only)",
            DefaultValueFactory = static _ => ServeOptions.DefaultUrls,
        };
        var isPublic = new Option<bool>("--public") { Description = "Let anyone who can reach a non-loopback address read without a key (writes always need one)" };
        var command = new Command("serve", "Serve the JSON API (/api/v1) and the web app on the store; writes go through this process's placer") { urls, isPublic };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var serve = new ServeOptions { Urls = parseResult.GetValue(urls) ?? ServeOptions.DefaultUrls, Public = parseResult.GetValue(isPublic) };
            var builder = WartaWebApp.CreateBuilder(serve, [new(nameof(WartaOptions.Store), parseResult.GetValue(GlobalOptions.Db))]);
            await using var app = WartaWebApp.Build(builder);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            parseResult.InvocationConfiguration.Output.WriteLine($"warta: serving on {string.Join(", ", app.Urls)} (Ctrl+C stops)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            // Accepted writes are committed before the process exits: the placement service stops last.
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
