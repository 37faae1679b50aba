using Warta.Core.Model;
using Warta.Hosting;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>An article that is a valid message but fails the placer's commit every time: set aside after a bounded number of deliveries, shown by <c>warta worker status</c>, the others placed.</summary>
public sealed class PoisonArticleTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_dead_letter_an_article_the_store_refuses_every_time_after_three_failed_flushes_while_the_others_are_placed()
    {
        await using var broker = TestBroker.Require();
        // PostgreSQL refuses a NUL character in text (SQLite stores it): the poison fails every commit it is in.
        database.SkipUnlessAvailable();
        var queue = await broker.QueueAsync();
        var articles = FaultRun.ArticlesInPlacementOrder();
        var embedded = await FaultRun.EmbeddedAsync(_folder, SampleCorpus.Documents());
        var store = TestStores.Location(database, _folder, "poison");
        // A feed item whose title ends in a stray NUL (a broken CMS export): well-formed JSON, its id the hash of its content.
        string[] paragraphs =
        [
            "JAKARTA - Harga beras medium di Pasar Induk Beras Cipinang naik menjadi Rp13.800 per kilogram pada Selasa.",
            "Pedagang menyebut pasokan dari Karawang dan Subang berkurang setelah hujan deras sepekan terakhir.",
        ];
        var title = "Harga Beras Medium di Cipinang Naik Lagi\u0000";
        var poison = articles[0] with
        {
            Id = ArticleId.Of(title, paragraphs),
            Title = title,
            Paragraphs = paragraphs,
            Source = "kabarnusa.id/ekonomi/harga-beras-cipinang",
            Annotations = ArticleAnnotations.Empty,
        };
        var settings = new Dictionary<string, string?>
        {
            [nameof(WartaOptions.Store)] = store,
            [nameof(WorkQueueOptions.Queue)] = broker.Uri,
            [nameof(WorkQueueOptions.QueuePrefix)] = broker.Prefix,
            [$"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}"] = "200",
        };

        // In the middle of the stream, among articles that flush with it.
        await queue.PublishArticlesAsync([.. articles.Take(20), poison, .. articles.Skip(20)], TestContext.Current.CancellationToken);
        await using (var placer = await WorkerHost.PlacerAsync(_folder.Path, settings))
        {
            await Eventually.HoldsAsync(
                async () => placer.Placer.DeadLettered == 1 && FaultRun.CountPlaced(store) == articles.Count
                    && (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).Articles == 0,
                () => $"stored {FaultRun.CountPlaced(store)} of {articles.Count}, dead-lettered {placer.Placer.DeadLettered}, restarts {placer.Placer.Restarts} (fault: {placer.Placer.Fault?.Message})");
            Assert.Null(placer.Placer.Fault);
            // Three failed flushes (the first with the others, then twice alone), then set aside at its fourth delivery.
            Assert.Equal(new WorkerOptions().MaxPlacementAttempts, placer.Placer.Restarts);
        }

        var status = await WartaProcess.RunAsync(
            _folder.Path, new Dictionary<string, string?> { ["WARTA_QUEUE"] = broker.Uri, ["WARTA_QUEUEPREFIX"] = broker.Prefix }, "worker", "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("dead letters: 1\n", status.Output, StringComparison.Ordinal);
        Assert.Contains($"  {queue.ArticlesQueue} {poison.Source} (", status.Output, StringComparison.Ordinal);
        Assert.Contains("placing it failed 3 times: ", status.Output, StringComparison.Ordinal);
        Assert.Equal(embedded, FaultRun.Describe(store));
    }
}
