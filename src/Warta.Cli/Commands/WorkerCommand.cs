using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warta.Hosting;

namespace Warta.Cli.Commands;

/// <summary><c>warta worker annotate|place|status</c>: the scale-out workers on the work queue (<c>--queue</c>), and its depths and dead letters.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Scale-out workers on the work queue (--queue amqp://…): annotate documents, place articles, show the queues");
        command.Subcommands.Add(CreateAnnotate());
        command.Subcommands.Add(CreatePlace());
        command.Subcommands.Add(CreateStatus());
        return command;
    }

    private static Option<double?> UntilIdle() => new("--until-idle")
    {
        Description = "Stop after this many seconds with nothing to do and nothing held (default: run until Ctrl+C or SIGTERM)",
    };

    private static Command CreateAnnotate()
    {
        var untilIdle = UntilIdle();
        var command = new Command("annotate", "Take documents from the queue, clean, extract and annotate them, publish their articles for the placer (run any number)") { untilIdle };
        command.SetAction((parseResult, cancellationToken) => RunAnnotateAsync(parseResult, parseResult.GetValue(untilIdle), cancellationToken));
        return command;
    }

    private static Command CreatePlace()
    {
        var untilIdle = UntilIdle();
        var lockTimeout = new Option<double?>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to the store (a standby placer: as long as it should stand by), then give up with exit code 2 (default 30)",
        };
        var idleFlush = new Option<int?>("--idle-flush-ms") { Description = "Commit and acknowledge what is held once no article arrived for this long (default 1000)" };
        var command = new Command("place", "Take annotated articles from the queue, place them in stories in stream order and write the store (one active at a time)")
        {
            untilIdle, lockTimeout, idleFlush,
        };
        command.SetAction((parseResult, cancellationToken) => RunPlaceAsync(
            parseResult, parseResult.GetValue(untilIdle), parseResult.GetValue(lockTimeout), parseResult.GetValue(idleFlush), cancellationToken));
        return command;
    }

    private static Command CreateStatus()
    {
        var deadLetters = new Option<int>("--dead-letters") { Description = "List up to this many dead letters with their errors (default 20)", DefaultValueFactory = _ => 20 };
        var command = new Command("status", "Show the work queue's depths, its consumers and its dead letters") { deadLetters };
        command.SetAction((parseResult, cancellationToken) => RunStatusAsync(parseResult, Math.Max(0, parseResult.GetValue(deadLetters)), cancellationToken));
        return command;
    }

    private static KeyValuePair<string, string?> Setting(string key, double? value) =>
        new(key, value?.ToString(CultureInfo.InvariantCulture));

    private static async Task<int> RunAnnotateAsync(ParseResult parseResult, double? untilIdle, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        using var host = CliHost.CreateForWorker(
            parseResult, [Setting($"{WorkerOptions.Section}:{nameof(WorkerOptions.StopWhenIdleSeconds)}", untilIdle)], QuietHosting(static b => b.Services.AddWartaAnnotationWorker()));
        if (!host.WorkQueue.IsConfigured) return NoQueue(error);
        var worker = host.Services.GetRequiredService<AnnotationWorker>();
        await host.RunUntilStoppedAsync(cancellationToken);
        output.WriteLine($"annotated {worker.Documents} documents, published {worker.Published} articles, dead-lettered {worker.DeadLettered}");
        return Outcome(worker.Fault, error);
    }

    private static async Task<int> RunPlaceAsync(ParseResult parseResult, double? untilIdle, double? lockTimeout, int? idleFlushMs, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        using var host = CliHost.CreateForWorker(
            parseResult,
            [
                Setting($"{WorkerOptions.Section}:{nameof(WorkerOptions.StopWhenIdleSeconds)}", untilIdle),
                Setting($"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}", idleFlushMs),
                Setting($"{PlacementOptions.Section}:{nameof(PlacementOptions.LockTimeoutSeconds)}", lockTimeout is { } seconds ? Math.Max(0, seconds) : null),
            ],
            QuietHosting(b => b.Services.AddWartaPlacementWorker(b.Configuration)));
        if (!host.WorkQueue.IsConfigured) return NoQueue(error);
        var worker = host.Services.GetRequiredService<PlacementWorker>();
        worker.OnWaiting = message => error.WriteLine($"warta: {message}");
        await host.RunUntilStoppedAsync(cancellationToken);
        var placed = worker.Stats?.Placed ?? 0;
        output.WriteLine($"placed {placed} new article{(placed == 1 ? "" : "s")} in stories; took {worker.Taken}, acknowledged {worker.Acknowledged}");
        return Outcome(worker.Fault, error);
    }

    private static async Task<int> RunStatusAsync(ParseResult parseResult, int deadLetters, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        using var host = CliHost.Create(parseResult);
        if (!host.WorkQueue.IsConfigured) return NoQueue(error);
        await using var queue = await host.WorkQueue.OpenAsync("warta worker status", cancellationToken);
        var depths = await queue.GetDepthsAsync(cancellationToken);
        output.WriteLine($"queue {queue.Location}");
        output.WriteLine($"documents: {depths.Documents} waiting, {depths.DocumentConsumers} annotator{(depths.DocumentConsumers == 1 ? "" : "s")}");
        output.WriteLine($"articles: {depths.Articles} waiting, {depths.ArticleConsumers} placer{(depths.ArticleConsumers == 1 ? "" : "s")} (one active)");
        output.WriteLine($"dead letters: {depths.DeadLetters}");
        if (deadLetters > 0 && depths.DeadLetters > 0)
        {
            foreach (var letter in await queue.PeekDeadLettersAsync(deadLetters, cancellationToken))
            {
                output.WriteLine($"  {letter.Queue} {letter.Source ?? "(unreadable)"} ({letter.Bytes} bytes): {TerminalText.OneLine(letter.Error)}");
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>Workers log at Information to stderr (what they took, what they set aside); the host's own lifecycle lines are left out.</summary>
    private static Action<Microsoft.Extensions.Hosting.HostApplicationBuilder> QuietHosting(Action<Microsoft.Extensions.Hosting.HostApplicationBuilder> configure) => builder =>
    {
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Warta.Hosting.AnnotationWorker", LogLevel.Information);
        builder.Logging.AddFilter("Warta.Hosting.PlacementWorker", LogLevel.Information);
        configure(builder);
    };

    private static int NoQueue(TextWriter error)
    {
        error.WriteLine("warta: no work queue is configured (--queue amqp://…, WARTA_QUEUE or \"queue\" in warta.json)");
        return ExitCodes.Usage;
    }

    private static int Outcome(Exception? fault, TextWriter error)
    {
        if (fault is null) return ExitCodes.Ok;
        error.WriteLine($"warta: {TerminalText.OneLine(fault.Message)}");
        return ExitCodes.Usage;
    }
}
