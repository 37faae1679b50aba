using System.CommandLine;
using Spectre.Console;
using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Pipeline;
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
        var command = new Command("ingest", "Read news reports into the store; prints 'read N, new N, duplicate N, failed N'") { paths };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(paths) ?? [],
            parseResult.GetValue(GlobalOptions.Db) ?? SqliteInfo.DefaultPath,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] paths, string db, TextWriter output, TextWriter error)
    {
        var missing = InputPaths.Missing(paths);
        foreach (var path in missing) error.WriteLine($"warta: path not found: {path}");
        if (missing.Count > 0) return ExitCodes.Usage;

        var files = InputPaths.Expand(paths);
        using var store = StoreOpening.TryOpen(db, error);
        if (store is null) return ExitCodes.Usage;

        var ingestor = new ArticleIngestor();
        var pipeline = new IngestPipeline(ingestor, store, new AnnotationStage(EntityTagger.Shipped));
        var summary = IngestSummary.Empty;

        if (files.Count >= ProgressBarMinFiles && !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask("ingest", maxValue: files.Count);
                foreach (var file in files)
                {
                    task.Description = Markup.Escape(Path.GetFileName(file));
                    summary += IngestFile(file, pipeline, ingestor, e => console.WriteLine($"error: {e}"));
                    task.Increment(1);
                }
            });
        }
        else
        {
            foreach (var file in files)
            {
                summary += IngestFile(file, pipeline, ingestor, e => error.WriteLine($"error: {e}"));
            }
        }

        var placed = new StoryUpdater(TextServices.CreateAnalyzer()).Update(store, store);
        output.WriteLine($"placed {placed} new article{(placed == 1 ? "" : "s")} in stories");
        output.WriteLine(summary.ToString());
        return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
    }

    private static IngestSummary IngestFile(string file, IngestPipeline pipeline, ArticleIngestor ingestor, Action<IngestError> onError)
    {
        byte[] content;
        try
        {
            // Checked before reading, so an oversized file never reaches memory.
            var length = new FileInfo(file).Length;
            if (length > ingestor.MaxInputBytes)
            {
                onError(new IngestError(file, null, $"file is {length} bytes, more than the limit of {ingestor.MaxInputBytes}"));
                return IngestSummary.OneFailed;
            }
            content = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            onError(new IngestError(file, null, $"could not be read: {ex.Message}"));
            return IngestSummary.OneFailed;
        }
        return pipeline.Ingest(new RawDocument(file, content), onError);
    }
}
