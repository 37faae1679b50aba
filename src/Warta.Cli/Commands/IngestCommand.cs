using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Spectre.Console;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Hosting;

namespace Warta.Cli.Commands;

/// <summary><c>warta ingest PATH...</c>: reads files and folders into the store and prints one summary line.</summary>
internal static class IngestCommand
{
    /// <summary>Below this many files a run is short enough that a progress bar would only flicker.</summary>
    private const int ProgressBarMinFiles = 20;

    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or folders (read recursively, in sorted order): text pages, HTML, JSONL, CSV, TimeML",
            Arity = ArgumentArity.OneOrMore,
        };
        var lockTimeout = new Option<double?>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to the store, then give up with exit code 2 (default 30, or Placer:LockTimeoutSeconds)",
        };
        var command = new Command("ingest", "Read news reports into the store; prints 'read N, new N, duplicate N, failed N'") { paths, lockTimeout };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(paths) ?? [],
            parseResult,
            parseResult.GetValue(lockTimeout) is { } seconds ? Math.Max(0, seconds) : null,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] paths, ParseResult parseResult, double? lockTimeoutSeconds, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var missing = InputPaths.Missing(paths);
        foreach (var path in missing) error.WriteLine($"warta: path not found: {path}");
        if (missing.Count > 0) return ExitCodes.Usage;

        var selection = InputPaths.Select(paths);
        var files = selection.Files;
        using (var plain = CliHost.Create(parseResult))
        {
            // Scale-out: the documents go to the work queue; the workers read, annotate and place them.
            if (plain.WorkQueue.IsConfigured) return await PublishAsync(plain.WorkQueue, selection, output, error, cancellationToken);
        }
        // Only one process writes at a time: the host's placement service holds the store's write lock while it runs.
        // A bulk load: the followers (search index, story views, alerts) catch up every few thousand articles and at the end,
        // not after each commit, unless Placer:FollowEveryArticles says otherwise.
        using var host = CliHost.CreateWithPlacement(parseResult, lockTimeoutSeconds, static builder =>
        {
            var key = $"{PlacementOptions.Section}:{nameof(PlacementOptions.FollowEveryArticles)}";
            if (builder.Configuration[key] is null) builder.Configuration[key] = BulkFollowEveryArticles.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        var placement = await host.TryStartPlacementAsync(error, cancellationToken);
        if (placement is null) return ExitCodes.Usage;

        var summary = IngestSummary.Empty;
        var unlisted = IngestSummary.Empty;
        foreach (var failure in selection.Failures)
        {
            error.WriteLine($"error: {failure}");
            unlisted += IngestSummary.OneFailed;
        }

        if (files.Count >= ProgressBarMinFiles && !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask("ingest", maxValue: files.Count);
                summary = await IngestFilesAsync(files, placement, e => console.WriteLine($"error: {e}"), file =>
                {
                    task.Description = Markup.Escape(Path.GetFileName(file));
                    task.Increment(1);
                }, cancellationToken);
            });
        }
        else
        {
            summary = await IngestFilesAsync(files, placement, e => error.WriteLine($"error: {e}"), static _ => { }, cancellationToken);
        }

        await host.StopAsync();
        summary = unlisted + summary;
        var placed = placement.Stats?.Placed ?? 0;
        output.WriteLine($"placed {placed} new article{(placed == 1 ? "" : "s")} in stories");
        output.WriteLine(summary.ToString());
        return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
    }

    /// <summary>Articles committed between the followers' catch-ups in an ingest (see <see cref="PlacementOptions.FollowEveryArticles"/>).</summary>
    private const int BulkFollowEveryArticles = 2000;

    /// <summary>Documents published per batch of confirms.</summary>
    private const int PublishWindow = 64;

    /// <summary>Reads the files in order and publishes them to the work queue, a window at a time, each window confirmed by the broker before the next is read.</summary>
    private static async Task<int> PublishAsync(WorkQueueOpener opener, InputSelection selection, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var queue = await opener.OpenAsync("warta ingest", cancellationToken);
        var maxInputBytes = new ArticleIngestor().MaxInputBytes;
        var failed = 0;
        foreach (var failure in selection.Failures)
        {
            error.WriteLine($"error: {failure}");
            failed++;
        }
        var published = 0;
        var pending = new List<RawDocument>(PublishWindow);
        foreach (var file in selection.Files)
        {
            if (TryRead(file, maxInputBytes, out var document, out var failure)) pending.Add(document);
            else
            {
                error.WriteLine($"error: {failure}");
                failed++;
            }
            if (pending.Count < PublishWindow) continue;
            await queue.PublishDocumentsAsync(pending, cancellationToken);
            published += pending.Count;
            pending.Clear();
        }
        if (pending.Count > 0) await queue.PublishDocumentsAsync(pending, cancellationToken);
        published += pending.Count;
        output.WriteLine($"published {published} document{(published == 1 ? "" : "s")} to {queue.Location}, failed {failed}");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
    }

    /// <summary>Reads the files in order and submits them a window at a time, so their articles are annotated in parallel and memory holds one window.</summary>
    /// <remarks>A file that cannot be read is reported after the files before it are done, so errors come out in input order.</remarks>
    private static async Task<IngestSummary> IngestFilesAsync(
        IReadOnlyList<string> files, PlacementService placement, Action<IngestError> onError, Action<string> onFileDone, CancellationToken cancellationToken)
    {
        var summary = IngestSummary.Empty;
        var pending = new List<RawDocument>(IngestPipeline.WindowSize);
        var progress = new FileProgress(onFileDone);
        async Task FlushAsync()
        {
            if (pending.Count == 0) return;
            summary += await placement.SubmitAsync([.. pending], progress, onError, cancellationToken);
            pending.Clear();
        }
        foreach (var file in files)
        {
            if (TryRead(file, placement.MaxInputBytes, out var document, out var failure)) pending.Add(document);
            else
            {
                await FlushAsync();
                onError(failure);
                summary += IngestSummary.OneFailed;
                onFileDone(file);
            }
            if (pending.Count == IngestPipeline.WindowSize) await FlushAsync();
        }
        await FlushAsync();
        return summary;
    }

    private static bool TryRead(
        string file, long maxInputBytes, [NotNullWhen(true)] out RawDocument? document, [NotNullWhen(false)] out IngestError? failure)
    {
        document = null;
        failure = null;
        try
        {
            // Checked before reading, so an oversized file never reaches memory.
            var length = new FileInfo(file).Length;
            if (length > maxInputBytes)
            {
                failure = new IngestError(file, null, $"file is {length} bytes, more than the limit of {maxInputBytes}");
                return false;
            }
            document = new RawDocument(file, File.ReadAllBytes(file));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = new IngestError(file, null, $"could not be read: {ex.Message}");
            return false;
        }
    }

    /// <summary>Reports each finished document synchronously, on the placing thread (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class FileProgress(Action<string> onFileDone) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => onFileDone(value.LastSource);
    }
}
