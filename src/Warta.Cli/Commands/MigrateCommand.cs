using System.CommandLine;
using System.Globalization;

namespace Warta.Cli.Commands;

/// <summary><c>warta migrate --to postgres://…</c>: copies the embedded store (--db) into an empty PostgreSQL store and builds its search index.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to")
        {
            Description = "The PostgreSQL store to copy into (postgres://user[:password]@host[:port]/db[?search_path=SCHEMA] or a connection string); it must be empty",
            Required = true,
        };
        var lockTimeout = new Option<double>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to either store, then give up with exit code 2",
            DefaultValueFactory = static _ => 30,
        };
        var command = new Command("migrate", "Copy the embedded store (--db) into an empty PostgreSQL store, then build its search index") { to, lockTimeout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var target = parseResult.GetValue(to) ?? "";
            using var host = CliHost.Create(parseResult);
            // Opened for reading first, so a missing source is an error rather than a new empty store.
            using (var source = host.TryOpenStore(error))
            {
                if (source is null) return ExitCodes.Usage;
            }
            try
            {
                var migration = await host.Maintenance.MigrateToPostgresAsync(
                    target, TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(lockTimeout))), message => error.WriteLine($"warta: {message}"), cancellationToken);
                foreach (var (table, rows) in migration.Copied) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table,-22}{rows,10}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"copied '{TerminalText.OneLine(host.StoreLocation)}' into '{TerminalText.OneLine(migration.Target)}'; indexed {migration.Indexed} articles up to change {migration.Sequence}"));
                return ExitCodes.Ok;
            }
            catch (InvalidOperationException ex)
            {
                error.WriteLine($"warta: {TerminalText.OneLine(ex.Message)}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
