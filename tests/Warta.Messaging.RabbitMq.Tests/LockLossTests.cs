using Npgsql;
using Warta.Hosting;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>The active placer's write-lock session ends under it (as in a PostgreSQL restart) while a standby waits: the first commits nothing more, the standby places the rest.</summary>
public sealed class LockLossTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    /// <summary>The first key of the store's write lock ("Wart", the PostgreSQL store's internal <c>PostgresSchema.LockClass</c>).</summary>
    private const int StoreLockClass = 0x57617274;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_commit_nothing_more_from_a_placer_whose_lock_session_ended_and_let_the_standby_place_the_rest()
    {
        await using var broker = TestBroker.Require();
        database.SkipUnlessAvailable();
        var queue = await broker.QueueAsync();
        var articles = FaultRun.ArticlesInPlacementOrder();
        var embedded = await FaultRun.EmbeddedAsync(_folder, SampleCorpus.Documents());
        var store = TestStores.Location(database, _folder, "lockloss");
        var settings = new Dictionary<string, string?>
        {
            [nameof(WartaOptions.Store)] = store,
            [nameof(WorkQueueOptions.Queue)] = broker.Uri,
            [nameof(WorkQueueOptions.QueuePrefix)] = broker.Prefix,
            [$"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}"] = "200",
            [$"{WorkerOptions.Section}:{nameof(WorkerOptions.FlushArticles)}"] = "4",
            [$"{PlacementOptions.Section}:{nameof(PlacementOptions.LockTimeoutSeconds)}"] = "50",
        };
        var first = articles.Take(15).ToList();

        await queue.PublishArticlesAsync(first, TestContext.Current.CancellationToken);
        await using var active = await WorkerHost.PlacerAsync(_folder.Path, settings);
        await Eventually.HoldsAsync(
            () => Task.FromResult(FaultRun.CountPlaced(store) == first.Count && active.Placer.Acknowledged == first.Count),
            () => $"stored {FaultRun.CountPlaced(store)} of {first.Count} (fault: {active.Placer.Fault?.Message})");
        await using var standby = await WorkerHost.PlacerAsync(_folder.Path, settings);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Null(standby.Placer.Stats);

        // The session holding the lock ends; the placer that took it notices nothing until it commits.
        await using (var admin = NpgsqlDataSource.Create(database.ConnectionString!))
        {
            await using var terminate = admin.CreateCommand(
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND classid = {StoreLockClass} AND granted " +
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
            Assert.Equal(1L, await terminate.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        await Eventually.HoldsAsync(
            () => Task.FromResult(standby.Placer.Stats is not null),
            () => $"the standby did not take the lock (fault: {standby.Placer.Fault?.Message})");
        await queue.PublishArticlesAsync([.. articles.Skip(first.Count)], TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(
            async () => FaultRun.CountPlaced(store) == articles.Count && (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).Articles == 0,
            () => $"stored {FaultRun.CountPlaced(store)} of {articles.Count}; the first acknowledged {active.Placer.Acknowledged}, restarted {active.Placer.Restarts}; the standby {standby.Placer.Acknowledged}");
        // The first placer's commit was refused (and not acknowledged); it now waits at the lock as the standby did.
        Assert.Equal(first.Count, active.Placer.Acknowledged);
        // It counts the restart once its back-off delay has passed, which may be after the standby has placed the rest.
        await Eventually.HoldsAsync(
            () => Task.FromResult(active.Placer.Restarts > 0),
            () => "the first placer never noticed it had lost the lock");
        Assert.Null(active.Placer.Fault);
        Assert.Null(standby.Placer.Fault);
        Assert.Equal(embedded, FaultRun.Describe(store));
    }
}
