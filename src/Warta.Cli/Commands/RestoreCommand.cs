using System.CommandLine;

namespace Warta.Cli.Commands;

/// <summary><c>warta restore BACKUP [--force]</c>: writes a backup made by <c>warta backup</c> to the store (--db), refusing to replace an existing one unless told.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var backup = new Argument<string>("backup") { Description = "A file written by warta backup (its search index, BACKUP.search, is restored too)" };
        var force = new Option<bool>("--force") { Description = "Replace an existing store (no other process may be using it)" };
        var lockTimeout = new Option<double>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to the store, then give up with exit code 2",
            DefaultValueFactory = static _ => 30,
        };
        var command = new Command("restore", "Restore the store (--db) from a backup; an existing store is replaced only with --force") { backup, force, lockTimeout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var source = parseResult.GetValue(backup) ?? "";
            using var host = CliHost.Create(parseResult);
            try
            {
                await host.Maintenance.RestoreAsync(
                    source, parseResult.GetValue(force), TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(lockTimeout))),
                    message => error.WriteLine($"warta: {message}"), cancellationToken);
                output.WriteLine($"restored '{TerminalText.OneLine(Path.GetFullPath(source))}' to '{TerminalText.OneLine(host.StoreLocation)}'");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"warta: cannot restore '{TerminalText.OneLine(source)}': {TerminalText.OneLine(ex.Message)}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
