using Warta.Core.Ingestion;
using Warta.Hosting;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>The broker restarted mid-stream (<c>scripts/rabbitmq-test-server restart</c>): the publisher, the annotator and the placer connect again and nothing is lost or stored twice.</summary>
[Collection(nameof(ServerRestarts))]
public sealed class BrokerRestartTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_store_every_article_once_with_the_embedded_stories_when_the_broker_restarts_mid_stream()
    {
        await using var broker = TestBroker.Require();
        if (Environment.GetEnvironmentVariable("WARTA_TEST_RABBITMQ_DIR") is not { Length: > 0 } brokerDir)
        {
            Assert.Skip("WARTA_TEST_RABBITMQ_DIR is not set: restarting the broker needs the one scripts/rabbitmq-test-server started");
            return;
        }
        var queue = await broker.QueueAsync();
        var documents = SampleCorpus.Documents();
        var embedded = await FaultRun.EmbeddedAsync(_folder, documents);
        var expected = documents.SelectMany(static d => new ArticleIngestor().Read(d)).Count(static o => o.Article is not null);
        var store = TestStores.Location(database, _folder, "brokerrestart");
        var settings = new Dictionary<string, string?>
        {
            [nameof(WartaOptions.Store)] = store,
            [nameof(WorkQueueOptions.Queue)] = broker.Uri,
            [nameof(WorkQueueOptions.QueuePrefix)] = broker.Prefix,
            // The placer holds every article uncommitted through the restart and commits them in one window when it
            // stops, as the embedded run places them: what it took on the old connection must survive the stale tags.
            [$"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}"] = "60000",
        };

        var half = documents.Count / 2;
        await queue.PublishDocumentsAsync([.. documents.Take(half)], TestContext.Current.CancellationToken);
        var annotator = await WorkerHost.AnnotatorAsync(_folder.Path, settings);
        PlacementWorker worker;
        await using (var placer = await WorkerHost.PlacerAsync(_folder.Path, settings))
        {
            worker = placer.Placer;
            try
            {
                await Eventually.HoldsAsync(
                    () => Task.FromResult(placer.Placer.Taken > 0),
                    () => $"annotated {annotator.Annotator.Documents}, the placer took nothing (fault: {placer.Placer.Fault?.Message})");

                // The rest is published while the broker goes down and comes back: the publish waits for it.
                var restart = TestScripts.RunAsync("rabbitmq-test-server", null, "restart", brokerDir);
                await Task.Delay(500, TestContext.Current.CancellationToken);
                await queue.PublishDocumentsAsync([.. documents.Skip(half)], TestContext.Current.CancellationToken);
                await restart;

                await Eventually.HoldsAsync(
                    async () => placer.Placer.Taken - (placer.Placer.Stats?.Duplicates ?? 0) == expected
                        && (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)) is { Documents: 0, Articles: 0 },
                    () => $"annotated {annotator.Annotator.Documents} (fault: {annotator.Annotator.Fault?.Message}), the placer took {placer.Placer.Taken} with {placer.Placer.Stats?.Duplicates} duplicates of {expected} (fault: {placer.Placer.Fault?.Message})");
                Assert.Null(annotator.Annotator.Fault);
            }
            finally
            {
                // Stopped first: a document handed back by the restart is annotated again, and its articles' second copies
                // can reach the queue after the placer took every article once. The placer stops after it, taking them too.
                await annotator.DisposeAsync();
            }
            await Eventually.HoldsAsync(
                async () => (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).Articles == 0,
                () => $"articles left in the queue after the annotator stopped (placer fault: {placer.Placer.Fault?.Message})");
            Assert.Null(placer.Placer.Fault);
        }

        // Its stop (the last commit and acknowledgement) failed in nothing.
        Assert.Null(worker.Fault);
        // Each side reconnected: the test's publisher too, which published the second half.
        Assert.True(queue.Reconnects > 0, "the publisher never connected again");
        var depths = await queue.GetDepthsAsync(TestContext.Current.CancellationToken);
        Assert.Equal((0L, 0L, 0L), (depths.Documents, depths.Articles, depths.DeadLetters));
        Assert.Equal(expected, FaultRun.CountPlaced(store));
        Assert.Equal(embedded, FaultRun.Describe(store));
    }
}
