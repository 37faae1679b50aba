using System.Collections.Concurrent;
using Warta.Hosting;
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
        // The second placer runs in this process, as `warta worker place` runs it, so the test can see what it did.
        var settings = new Dictionary<string, string?>
        {
            [nameof(WartaOptions.Store)] = store,
            [nameof(WorkQueueOptions.Queue)] = broker.Uri,
            [nameof(WorkQueueOptions.QueuePrefix)] = broker.Prefix,
            [$"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}"] = "200",
            [$"{WorkerOptions.Section}:{nameof(WorkerOptions.FlushArticles)}"] = "4",
            [$"{PlacementOptions.Section}:{nameof(PlacementOptions.CheckpointEveryArticles)}"] = "6",
            [$"{PlacementOptions.Section}:{nameof(PlacementOptions.LockTimeoutSeconds)}"] = "50",
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
        WorkerHost? next = null;
        try
        {
            if (standby)
            {
                next = await WorkerHost.PlacerAsync(_folder.Path, settings);
                // Running, and waiting at the store's write lock the first one holds.
                var waiting = next;
                await Eventually.HoldsAsync(
                    () => Task.FromResult(waiting.Placer.WaitingForLock || waiting.Placer.Fault is not null),
                    () => "the standby placer is not waiting for the lock");
                Assert.Null(next.Placer.Stats);
            }
            await queue.PublishArticlesAsync(second, TestContext.Current.CancellationToken);
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync(TestContext.Current.CancellationToken);
            await queue.PublishArticlesAsync(third, TestContext.Current.CancellationToken);
            next ??= await WorkerHost.PlacerAsync(_folder.Path, settings);

            var placer = next.Placer;
            await Eventually.HoldsAsync(
                async () => FaultRun.CountPlaced(store) == articles.Count && placer.Acknowledged == placer.Taken
                    && (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).Articles == 0,
                () => $"stored {FaultRun.CountPlaced(store)} of {articles.Count}; the second placer took {placer.Taken}, acknowledged {placer.Acknowledged} (fault: {placer.Fault?.Message})");
            Assert.Null(placer.Fault);
            // It continued from the killed placer's checkpoint, not from a replay of every placement.
            Assert.True(placer.Stats?.Restored, "the second placer found no usable checkpoint");
        }
        finally
        {
            if (next is not null) await next.DisposeAsync();
        }

        var depths = await queue.GetDepthsAsync(TestContext.Current.CancellationToken);
        Assert.Equal((0L, 0L), (depths.Articles, depths.DeadLetters));
        Assert.Equal(embedded, FaultRun.Describe(store));
    }
}
