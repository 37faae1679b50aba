using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Warta.Core.Storage;
using Warta.Search.Lucene;

namespace Warta.Cli.Commands;

/// <summary><c>warta index rebuild|status</c>: the search index beside the store (<c>&lt;db&gt;.search/</c>).</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var command = new Command("index", "The search index kept beside the store (<db>.search/)");
        command.Subcommands.Add(CreateRebuild());
        command.Subcommands.Add(CreateStatus());
        return command;
    }

    private static Command CreateRebuild()
    {
        var lockTimeout = new Option<double?>("--lock-timeout")
        {
            Description = "Seconds to wait while another process writes to the store, then give up with exit code 2 (default 30)",
        };
        var command = new Command("rebuild", "Index every stored article again, under the store's write lock") { lockTimeout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(error);
            if (store is null) return ExitCodes.Usage;
            if (CliHost.TrySearchIndexFolder(store, error) is not { } folder) return ExitCodes.Usage;
            var timeout = TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(lockTimeout) ?? 30));
            IAsyncDisposable writeLock;
            try
            {
                // The index has one writer, the store's: a rebuild holds the same lock an ingest does.
                writeLock = await store.AcquireWriteLockAsync(timeout, message => error.WriteLine($"warta: {message}"), cancellationToken).ConfigureAwait(false);
            }
            catch (StoreBusyException ex)
            {
                error.WriteLine($"warta: cannot write to store '{host.StoreLocation}': {ex.Message}");
                return ExitCodes.Usage;
            }
            await using (writeLock.ConfigureAwait(false))
            {
                var clock = Stopwatch.StartNew();
                using var follower = new LuceneIndexFollower(folder, store, store, host.Analyzer);
                await follower.RebuildAsync(cancellationToken).ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"indexed {follower.Count} articles up to change {follower.Sequence} into {folder} in {clock.Elapsed.TotalSeconds:0.0} s"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateStatus()
    {
        var command = new Command("status", "Print the index's article count and how far it is behind the store");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(error);
            if (store is null) return ExitCodes.Usage;
            if (CliHost.TrySearchIndexFolder(store, error) is not { } folder) return ExitCodes.Usage;
            var latest = await store.LatestSequenceAsync(cancellationToken).ConfigureAwait(false);
            using var index = LuceneSearchIndex.TryOpen(folder, host.Analyzer);
            if (index is null)
            {
                output.WriteLine($"no search index at {folder}; run `warta index rebuild`");
                return ExitCodes.InputFailed;
            }
            output.WriteLine($"{folder}: {index.Count} articles, change {index.Sequence} of {latest} ({latest - index.Sequence} behind)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
