using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Warta.Core.Sources;
using Warta.Hosting;

namespace Warta.Cli.Commands;

/// <summary><c>warta watch [--once] [--sources FILE]</c>: follows the sources' feeds into the store, once or until Ctrl+C or SIGTERM.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var sources = new Option<string?>("--sources") { Description = "The sources file (JSON; default: \"sources\" in warta.json or WARTA_SOURCES)" };
        var once = new Option<bool>("--once") { Description = "Poll every source once, print a summary and exit (for cron and tests)" };
        var lockTimeout = new Option<double?>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to the store, then give up with exit code 2 (default 30)",
        };
        var command = new Command("watch", "Follow outlets' feeds and sitemaps: fetch new pages politely and place them in stories") { sources, once, lockTimeout };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, parseResult.GetValue(sources), parseResult.GetValue(once),
            parseResult.GetValue(lockTimeout) is { } seconds ? Math.Max(0, seconds) : null, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, string? sourcesFile, bool once, double? lockTimeoutSeconds, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        using var host = CliHost.CreateWithPlacement(parseResult, lockTimeoutSeconds, builder =>
        {
            if (sourcesFile is not null) builder.Configuration.AddInMemoryCollection([new(nameof(WatchOptions.Sources), sourcesFile)]);
            builder.Services.AddWartaWatch(builder.Configuration, asHostedService: false);
        });
        var watcher = host.Services.GetRequiredService<FeedWatcher>();
        SourceList list;
        try
        {
            // Checked before the store is opened, so a typo in the file costs nothing.
            list = watcher.Sources;
        }
        catch (SourceListException ex)
        {
            error.WriteLine($"warta: {TerminalText.OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        var placement = await host.TryStartPlacementAsync(error, cancellationToken);
        if (placement is null) return ExitCodes.Usage;

        if (once)
        {
            WatchSummary summary;
            try
            {
                summary = await watcher.PollOnceAsync(cancellationToken);
            }
            finally
            {
                // What was taken is committed before exit, also when interrupted.
                await host.StopAsync();
            }
            output.WriteLine(summary.ToString());
            return summary.Failures == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
        }

        output.WriteLine($"warta: watching {list.Sources.Count} source{(list.Sources.Count == 1 ? "" : "s")} (Ctrl+C stops)");
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        // The watcher stops first (its page in flight is committed), then the placer commits and releases the store.
        await watcher.StopAsync(CancellationToken.None);
        await host.StopAsync();
        output.WriteLine("warta: stopped");
        return ExitCodes.Ok;
    }
}
