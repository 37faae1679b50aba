using System.Collections.Concurrent;
using System.Diagnostics;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>A <c>warta worker place</c> process killed with SIGKILL mid-stream: a standby placer takes over, or a new one continues from the checkpoint, and the stories are the embedded run's.</summary>
/// <remarks>The articles go to the queue in placement order, in three parts: the first is committed by the doomed placer,
/// the second is published as it is killed (it may have taken, committed or acknowledged any part of it), the third after.
/// The third also carries the first part's first articles again, byte for byte: what the broker delivers when a placer
/// dies between its commit and its acknowledgement.</remarks>
public sealed class PlacerKillTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public Task Should_give_the_embedded_stories_when_a_standby_placer_takes_over_from_a_killed_one() => RunAsync(standby: true);

    [Fact]
    public Task Should_give_the_embedded_stories_when_a_killed_placer_is_started_again_from_its_checkpoint() => RunAsync(standby: false);

    private async Task RunAsync(bool standby)
    {
        await using var broker = TestBroker.Require();
        var queue = await broker.QueueAsync();
        var articles = FaultRun.ArticlesInPlacementOrder();
        var embedded = await FaultRun.EmbeddedAsync(_folder, SampleCorpus.Documents());
        var store = TestStores.Location(database, _folder, standby ? "standby" : "restart");
        var environment = new Dictionary<string, string?>
        {
            ["WARTA_STORE"] = store,
            ["WARTA_QUEUE"] = broker.Uri,
            ["WARTA_QUEUEPREFIX"] = broker.Prefix,
            // A commit (and an acknowledgement) every few articles: the kill lands between commits, not before the first.
            ["WARTA_WORKER__FLUSHARTICLES"] = "4",
            // A checkpoint every few articles, so the next placer restores one and replays only what came after it.
            ["WARTA_PLACER__CHECKPOINTEVERYARTICLES"] = "6",
        };
        var first = articles.Take(12).ToList();
        var second = articles.Skip(12).Take(12).ToList();
        var third = articles.Skip(24).Concat(first.Take(5)).ToList();
        var log = new ConcurrentQueue<string>();

        await queue.PublishArticlesAsync(first, TestContext.Current.CancellationToken);
        using var doomed = WartaProcess.Start(_folder.Path, environment, log.Enqueue, "worker", "place", "--idle-flush-ms", "200");
        await Eventually.HoldsAsync(
            () => Task.FromResult(doomed.HasExited || FaultRun.CountPlaced(store) == first.Count),
            () => $"the first placer stored {FaultRun.CountPlaced(store)} of {first.Count}: {string.Join(" | ", log)}");
        Assert.False(doomed.HasExited, $"the first placer stopped by itself: {string.Join(" | ", log)}");
        Process? next = null;
        try
        {
            if (standby)
            {
                next = WartaProcess.Start(_folder.Path, environment, log.Enqueue, "worker", "place", "--idle-flush-ms", "200", "--lock-timeout", "50", "--until-idle", "3");
                // Running, and waiting at the store's write lock the first one holds.
                await Eventually.HoldsAsync(
                    () => Task.FromResult(next.HasExited || log.Any(static l => l.Contains("waiting up to", StringComparison.Ordinal))),
                    () => $"the standby placer is not waiting for the lock: {string.Join(" | ", log)}");
                Assert.False(next.HasExited, $"the standby placer stopped: {string.Join(" | ", log)}");
            }
            await queue.PublishArticlesAsync(second, TestContext.Current.CancellationToken);
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync(TestContext.Current.CancellationToken);
            await queue.PublishArticlesAsync(third, TestContext.Current.CancellationToken);
            next ??= WartaProcess.Start(_folder.Path, environment, log.Enqueue, "worker", "place", "--idle-flush-ms", "200", "--until-idle", "3");

            // The second placer drains the queue and stops once idle, settling everything it took.
            using (var limit = new CancellationTokenSource(Eventually.Limit))
            {
                await next.WaitForExitAsync(limit.Token);
            }
            Assert.True(next.ExitCode == 0, $"the second placer exited with {next.ExitCode}: {string.Join(" | ", log)}");
        }
        finally
        {
            if (next is { HasExited: false }) next.Kill(entireProcessTree: true);
            next?.Dispose();
        }

        var depths = await queue.GetDepthsAsync(TestContext.Current.CancellationToken);
        Assert.Equal((0L, 0L), (depths.Articles, depths.DeadLetters));
        Assert.Equal(embedded, FaultRun.Describe(store));
    }
}
