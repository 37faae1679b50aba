using System.CommandLine;
using Warta.Cli.Commands;
using Warta.Core.Storage;
using Warta.Hosting;

namespace Warta.Cli;

/// <summary>The <c>warta</c> command tree and its one entry point: the process (Program.cs) and in-process tests call <see cref="Run"/>.</summary>
internal static class WartaCommandLine
{
    // Built once: parsing does not change the tree, so concurrent in-process runs can share it.
    private static readonly RootCommand Root = Build();

    /// <summary>Parses and runs one command line, printing to the given writers; returns the process exit code.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Where results go (stdout for the process).</param>
    /// <param name="error">Where messages go (stderr for the process).</param>
    /// <param name="handleTermination">Whether Ctrl+C and SIGTERM cancel the command; only the process owns those signals.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool handleTermination = false)
    {
        var parsed = Root.Parse(args);
        // Exceptions are handled here, not by System.CommandLine, so a store failure is one line with exit code 2.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        // The process waits this long for a cancelled command to finish: System.CommandLine's default of 2 s ended `warta serve`
        // (exit code 143) in the middle of its graceful stop, before the placer's last commit and checkpoint, so the next
        // start ran every placement since the checkpoint before again (minutes on a large store). The host gives its
        // services 30 s (HostOptions.ShutdownTimeout); what they have taken is committed even after that.
        configuration.ProcessTerminationTimeout = handleTermination ? TimeSpan.FromSeconds(120) : null;
        int exitCode;
        try
        {
            exitCode = parsed.Invoke(configuration);
        }
        catch (Exception ex) when (StoreProblem(ex) is { } message)
        {
            error.WriteLine($"warta: {message}");
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The last resort of the process, as System.CommandLine's own handler was: the trace, exit code 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"Unhandled exception: {ex}");
            return ExitCodes.InputFailed;
        }
        // A command line that does not parse is a usage error (2), not a failed input (System.CommandLine's default 1).
        return parsed.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }

    /// <summary>Whether <paramref name="args"/> name a command that fills a search index from the store (<c>index
    /// rebuild</c>, <c>bench search</c>), which the process runs under the batch collector (<see cref="BatchCollector"/>).</summary>
    public static bool FillsIndex(string[] args)
    {
        var parsed = Root.Parse(args);
        if (parsed.Errors.Count > 0) return false;
        var command = parsed.CommandResult;
        var parent = (command.Parent as System.CommandLine.Parsing.CommandResult)?.Command.Name;
        return (command.Command.Name, parent) is ("rebuild", "index") or ("search", "bench");
    }

    /// <summary>The one-line message of a store that cannot be used, found anywhere in the exception's chain (a placer failure wraps it); null for anything else.</summary>
    private static string? StoreProblem(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreFailureException or StoreUnavailableException or Messaging.RabbitMq.WorkQueueUnavailableException:
                    return TerminalText.OneLine(e.Message);
                case StoreBusyException:
                    return TerminalText.OneLine($"cannot write to the store: {e.Message}");
            }
        }
        return null;
    }

    private static RootCommand Build()
    {
        var root = new RootCommand("Warta: turns streams of news reports into tracked stories.") { GlobalOptions.Db, GlobalOptions.Queue };
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ArticlesCommand.Create());
        root.Subcommands.Add(ArticleCommand.Create());
        root.Subcommands.Add(StoriesCommand.Create());
        root.Subcommands.Add(StoryCommand.Create());
        root.Subcommands.Add(EntitiesCommand.Create());
        root.Subcommands.Add(AlertsCommand.Create());
        root.Subcommands.Add(EntitiesCommand.CreateSingle());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        var bench = BenchStreamCommand.Create();
        bench.Subcommands.Add(BenchSearchCommand.Create());
        bench.Subcommands.Add(BenchRecordsCommand.Create());
        bench.Subcommands.Add(BenchServeCommand.Create());
        root.Subcommands.Add(bench);
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        return root;
    }
}
