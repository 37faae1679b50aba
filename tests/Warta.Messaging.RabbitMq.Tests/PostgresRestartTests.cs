using Npgsql;
using Warta.Hosting;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>PostgreSQL restarted mid-stream (<c>pg_ctl restart</c>): the placer's failed commit is not acknowledged, it opens the store again, and the redelivered articles are placed once.</summary>
/// <remarks>On a server of its own (<c>scripts/postgres-test-server start</c>), so the restart reaches no other test.</remarks>
[Collection(nameof(ServerRestarts))]
public sealed class PostgresRestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_place_every_article_once_with_the_embedded_stories_when_postgresql_restarts_mid_stream()
    {
        await using var broker = TestBroker.Require();
        if (Environment.GetEnvironmentVariable(PostgresTestDatabase.Variable) is not { Length: > 0 })
        {
            Assert.Skip($"{PostgresTestDatabase.Variable} is not set: this test restarts a PostgreSQL server of its own, started as that one is (scripts/postgres-test-server)");
            return;
        }
        var queue = await broker.QueueAsync();
        var articles = FaultRun.ArticlesInPlacementOrder();
        var embedded = await FaultRun.EmbeddedAsync(_folder, SampleCorpus.Documents());
        var server = await TestScripts.RunAsync("postgres-test-server", new Dictionary<string, string> { ["PORT"] = "55480" }, "start");
        var serverDir = TestScripts.Exported(server, "WARTA_TEST_POSTGRES_DIR");
        try
        {
            var store = new NpgsqlConnectionStringBuilder(TestScripts.Exported(server, PostgresTestDatabase.Variable)) { SearchPath = "pgrestart" }.ConnectionString;
            var settings = new Dictionary<string, string?>
            {
                [nameof(WartaOptions.Store)] = store,
                [nameof(WorkQueueOptions.Queue)] = broker.Uri,
                [nameof(WorkQueueOptions.QueuePrefix)] = broker.Prefix,
                [$"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}"] = "200",
                [$"{WorkerOptions.Section}:{nameof(WorkerOptions.FlushArticles)}"] = "4",
                [$"{PlacementOptions.Section}:{nameof(PlacementOptions.CheckpointEveryArticles)}"] = "6",
            };
            var first = articles.Take(15).ToList();
            await queue.PublishArticlesAsync(first, TestContext.Current.CancellationToken);
            await using (var placer = await WorkerHost.PlacerAsync(_folder.Path, settings))
            {
                await Eventually.HoldsAsync(
                    () => Task.FromResult(FaultRun.CountPlaced(store) == first.Count),
                    () => $"stored {FaultRun.CountPlaced(store)} of {first.Count} (fault: {placer.Placer.Fault?.Message})");

                // Part of the rest arrives while the server goes down and comes back (those commits may fail, and nothing of
                // theirs is acknowledged then); the remainder only after it is back, so at least one commit meets the
                // restart's broken connections and lock session even when the first part was placed before the server went down.
                var rest = articles.Skip(first.Count).ToList();
                var during = rest.Count / 2;
                var restart = TestScripts.RunAsync("postgres-test-server", null, "restart", serverDir);
                await queue.PublishArticlesAsync([.. rest.Take(during)], TestContext.Current.CancellationToken);
                await restart;
                await queue.PublishArticlesAsync([.. rest.Skip(during)], TestContext.Current.CancellationToken);

                await Eventually.HoldsAsync(
                    async () => FaultRun.CountPlaced(store) == articles.Count
                        && (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).Articles == 0
                        && placer.Placer.Acknowledged >= articles.Count - first.Count,
                    () => $"stored {FaultRun.CountPlaced(store)} of {articles.Count}, acknowledged {placer.Placer.Acknowledged}, restarts {placer.Placer.Restarts} (fault: {placer.Placer.Fault?.Message})");
                Assert.Null(placer.Placer.Fault);
                Assert.True(placer.Placer.Restarts > 0, "the placer never saw the restart");
            }

            var depths = await queue.GetDepthsAsync(TestContext.Current.CancellationToken);
            Assert.Equal((0L, 0L), (depths.Articles, depths.DeadLetters));
            Assert.Equal(embedded, FaultRun.Describe(store));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestScripts.RunAsync("postgres-test-server", null, "stop", serverDir);
        }
    }
}
