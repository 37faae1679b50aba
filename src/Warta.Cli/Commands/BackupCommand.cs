using System.CommandLine;

namespace Warta.Cli.Commands;

/// <summary><c>warta backup PATH</c>: a consistent copy of the store (SQLite's online backup) and of its search index, while a writer may run.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "The new backup file (must not exist); the search index goes to PATH.search beside it" };
        var lockTimeout = new Option<double>("--lock-timeout")
        {
            Description = "Seconds to wait for a writer before copying the search index, then give up with exit code 2",
            DefaultValueFactory = static _ => 30,
        };
        var command = new Command("backup", "Copy the store (and its search index) to a new file, consistently, while ingestion may run") { path, lockTimeout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var destination = parseResult.GetValue(path) ?? "";
            using var host = CliHost.Create(parseResult);
            try
            {
                var withIndex = await host.Maintenance.BackupAsync(
                    destination, TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(lockTimeout))), message => error.WriteLine($"warta: {message}"), cancellationToken);
                output.WriteLine($"backed up '{TerminalText.OneLine(host.StoreLocation)}' to '{TerminalText.OneLine(Path.GetFullPath(destination))}'{(withIndex ? " with its search index" : "")}");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"warta: cannot back up to '{TerminalText.OneLine(destination)}': {TerminalText.OneLine(ex.Message)}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
