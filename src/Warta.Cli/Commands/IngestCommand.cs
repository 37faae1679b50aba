using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Spectre.Console;
using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;

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
        var lockTimeout = new Option<double>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to the store, then give up with exit code 2",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("ingest", "Read news reports into the store; prints 'read N, new N, duplicate N, failed N'") { paths, lockTimeout };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(paths) ?? [],
            parseResult,
            TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(lockTimeout))),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, ParseResult parseResult, TimeSpan lockTimeout, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var missing = InputPaths.Missing(paths);
        foreach (var path in missing) error.WriteLine($"warta: path not found: {path}");
        if (missing.Count > 0) return ExitCodes.Usage;

        var selection = InputPaths.Select(paths);
        var files = selection.Files;
        using var host = CliHost.Create(parseResult);
        var db = host.StoreLocation;
        using var store = host.TryOpenStore(error);
        if (store is null) return ExitCodes.Usage;

        StoryPlacer placer;
        try
        {
            // Only one process writes at a time: the placer holds the store's write lock until it is disposed.
            placer = await StoryPlacer.OpenAsync(
                store, host.Analyzer, new StoryPlacerOptions { LockTimeout = lockTimeout },
                message => error.WriteLine($"warta: {message}"), cancellationToken);
        }
        catch (StoreBusyException ex)
        {
            error.WriteLine($"warta: cannot write to store '{db}': {ex.Message}");
            return ExitCodes.Usage;
        }
        await using var placing = placer;

        var ingestor = new ArticleIngestor();
        var pipeline = new IngestPipeline(ingestor.Read, placer, [new AnnotationStage(EntityTagger.Shipped)]);
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
            console.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask("ingest", maxValue: files.Count);
                summary = IngestFiles(files, pipeline, ingestor, e => console.WriteLine($"error: {e}"), file =>
                {
                    task.Description = Markup.Escape(Path.GetFileName(file));
                    task.Increment(1);
                });
            });
        }
        else
        {
            summary = IngestFiles(files, pipeline, ingestor, e => error.WriteLine($"error: {e}"), static _ => { });
        }

        await placer.CompleteAsync(cancellationToken);
        summary = unlisted + summary;
        var placed = placer.Stats.Placed;
        output.WriteLine($"placed {placed} new article{(placed == 1 ? "" : "s")} in stories");
        output.WriteLine(summary.ToString());
        return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
    }

    /// <summary>Reads the files in order and hands them to the pipeline a window at a time, so their articles are annotated in parallel.</summary>
    /// <remarks>A file that cannot be read is reported after the files before it are done, so errors come out in input order.</remarks>
    private static IngestSummary IngestFiles(
        IReadOnlyList<string> files, IngestPipeline pipeline, ArticleIngestor ingestor, Action<IngestError> onError, Action<string> onFileDone)
    {
        var summary = IngestSummary.Empty;
        var pending = new List<RawDocument>(IngestPipeline.WindowSize);
        void Flush()
        {
            summary += pipeline.IngestAll(pending, new FileProgress(onFileDone), onError);
            pending.Clear();
        }
        foreach (var file in files)
        {
            if (TryRead(file, ingestor, out var document, out var failure)) pending.Add(document);
            else
            {
                Flush();
                onError(failure);
                summary += IngestSummary.OneFailed;
                onFileDone(file);
            }
            if (pending.Count == IngestPipeline.WindowSize) Flush();
        }
        Flush();
        return summary;
    }

    private static bool TryRead(
        string file, ArticleIngestor ingestor, [NotNullWhen(true)] out RawDocument? document, [NotNullWhen(false)] out IngestError? failure)
    {
        document = null;
        failure = null;
        try
        {
            // Checked before reading, so an oversized file never reaches memory.
            var length = new FileInfo(file).Length;
            if (length > ingestor.MaxInputBytes)
            {
                failure = new IngestError(file, null, $"file is {length} bytes, more than the limit of {ingestor.MaxInputBytes}");
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

    /// <summary>Reports each finished document synchronously, on the ingesting thread (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class FileProgress(Action<string> onFileDone) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => onFileDone(value.LastSource);
    }
}
