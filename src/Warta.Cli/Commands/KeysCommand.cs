using System.CommandLine;
using Warta.Core.Storage;

namespace Warta.Cli.Commands;

/// <summary><c>warta keys create NAME | list [--json] | revoke NAME</c>: the API keys <c>warta serve</c> accepts for writes (and for reads beyond loopback).</summary>
/// <remarks>Keys are written in short transactions of their own, without the placer's write lock, so they can be made
/// and revoked while a server runs; a revoked key stops working on the server within its key cache's lifetime.</remarks>
internal static class KeysCommand
{
    /// <summary>Longest key name: it is shown in logs and in corrections' "who".</summary>
    public const int MaxNameLength = 64;

    public static Command Create()
    {
        var command = new Command("keys", "Manage API keys: create (printed once), list, revoke");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command CreateKey()
    {
        var name = new Argument<string>("name") { Description = $"A unique name for the key (letters, digits, '.', '_', '-', '@'; at most {MaxNameLength})" };
        var command = new Command("create", "Create a key and print it once; only its hash is stored") { name };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(name) ?? "";
            if (!IsValidName(wanted))
            {
                error.WriteLine($"warta: '{TerminalText.OneLine(wanted)}' is not a key name: use 1 to {MaxNameLength} letters, digits, '.', '_', '-' or '@'");
                return ExitCodes.Usage;
            }
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStoreForWriting(error);
            if (store is null) return ExitCodes.Usage;
            var key = ApiKeySecret.Create();
            if (!await store.AddApiKeyAsync(new ApiKey(wanted, ApiKeySecret.Hash(key), DateTimeOffset.UtcNow, null), cancellationToken).ConfigureAwait(false))
            {
                error.WriteLine($"warta: a key named '{wanted}' exists already (revoked keys keep their names)");
                return ExitCodes.Usage;
            }
            // The key alone on standard output, so a script can capture it; it cannot be shown again.
            output.WriteLine(key);
            error.WriteLine($"warta: key '{wanted}' created; this is the only time it is shown");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {name, created, revoked}" };
        var command = new Command("list", "List keys: name, when created, when revoked (never the key)") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(error);
            if (store is null) return ExitCodes.Usage;
            IReadOnlyList<ApiKey> keys;
            try
            {
                keys = await store.ListApiKeysAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (StoreFailureException ex)
            {
                error.WriteLine($"warta: {ex.Message}");
                return ExitCodes.Usage;
            }
            if (parseResult.GetValue(json))
            {
                output.WriteLine(KeysJson.Serialize(keys));
                return ExitCodes.Ok;
            }
            foreach (var key in keys)
            {
                output.WriteLine($"{key.Name,-24} created {StoriesCommand.Time(key.Created)}  {(key.Revoked is { } r ? "revoked " + StoriesCommand.Time(r) : "valid")}");
            }
            output.WriteLine($"{keys.Count} key{(keys.Count == 1 ? "" : "s")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke()
    {
        var name = new Argument<string>("name") { Description = "The key's name" };
        var command = new Command("revoke", "Revoke a key: requests with it are refused from then on") { name };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(name) ?? "";
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStoreForWriting(error);
            if (store is null) return ExitCodes.Usage;
            if (!await store.RevokeApiKeyAsync(wanted, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false))
            {
                error.WriteLine($"warta: no valid key named '{TerminalText.OneLine(wanted)}'");
                return ExitCodes.InputFailed;
            }
            error.WriteLine($"warta: key '{wanted}' revoked");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');
}
