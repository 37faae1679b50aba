using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Warta.Core.Storage;
using Warta.Search.Lucene;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;

namespace Warta.Cli.Commands;

/// <summary><c>warta index rebuild|status</c>: the store's search index (beside an SQLite file in <c>&lt;db&gt;.search/</c>; in a PostgreSQL store's database).</summary>
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
                int count;
                long sequence;
                string place;
                if (store is PostgresStore postgres)
                {
                    using var follower = new PostgresSearchFollower(postgres, host.Analyzer);
                    await follower.RebuildAsync(cancellationToken).ConfigureAwait(false);
                    (count, sequence, place) = (await follower.CountAsync(cancellationToken).ConfigureAwait(false), follower.Sequence, store.Location);
                }
                else
                {
                    place = IndexFolder(store);
                    using var follower = new LuceneIndexFollower(place, store, store, host.Analyzer, store, store as ISourceStateStore);
                    await follower.RebuildAsync(cancellationToken).ConfigureAwait(false);
                    (count, sequence) = (follower.Count, follower.Sequence);
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"indexed {count} articles up to change {sequence} into {place} in {clock.Elapsed.TotalSeconds:0.0} s"));
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
            var latest = await store.LatestSequenceAsync(cancellationToken).ConfigureAwait(false);
            var place = store is PostgresStore ? store.Location : IndexFolder(store);
            var index = host.TryOpenSearchIndex(store);
            using var ownedIndex = index as IDisposable;
            if (index is null)
            {
                output.WriteLine($"no search index at {place}; run `warta index rebuild`");
                return ExitCodes.InputFailed;
            }
            var count = index switch
            {
                LuceneSearchIndex lucene => lucene.Count,
                PostgresSearchIndex postgres => await postgres.CountAsync(cancellationToken).ConfigureAwait(false),
                _ => 0,
            };
            var sequence = index.Sequence;
            output.WriteLine($"{place}: {count} articles, change {sequence} of {latest} ({latest - sequence} behind)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string IndexFolder(IWartaStore store) =>
        store is SqliteStore sqlite ? SearchIndexLocation.For(sqlite.Path) : throw new InvalidOperationException($"store '{store.Location}' has no index folder");
}
