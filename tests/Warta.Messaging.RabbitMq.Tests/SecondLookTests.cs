using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Stories.Corrections;
using Warta.Hosting;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>The placement worker with the second look splitting stories: every article committed and acknowledged, the splits recorded, nothing left in the queue.</summary>
public sealed class SecondLookTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("200")]
    [InlineData("60000")]
    public async Task Should_acknowledge_every_article_when_the_second_look_splits_stories_while_the_worker_places_them(string idleFlushMs)
    {
        await using var broker = TestBroker.Require();
        var queue = await broker.QueueAsync();
        // Two floods, then two arrests of two regents; every report joins one story until the look splits it.
        // A message's id is its content hash.
        var articles = HardCases.Reports("banjir-rampa-hulu", "banjir-sembung", "ott-bupati-tanah-merapi", "ott-bupati-pangkalan-jati")
            .Select(static a => a with { Id = ArticleId.Of(a.Title, a.Paragraphs) }).ToList();
        var store = TestStores.Location(database, _folder, "secondlook" + idleFlushMs);
        var settings = new Dictionary<string, string?>
        {
            [nameof(WartaOptions.Store)] = store,
            [nameof(WorkQueueOptions.Queue)] = broker.Uri,
            [nameof(WorkQueueOptions.QueuePrefix)] = broker.Prefix,
            // 200: placed and acknowledged while running; 60000: held until the worker stops, then placed, split and acknowledged.
            [$"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}"] = idleFlushMs,
            [$"{PlacementOptions.Section}:Clusterer:AssignThreshold"] = "0",
            [$"{PlacementOptions.Section}:Clusterer:PlaceConflictFactor"] = "1",
            [$"{PlacementOptions.Section}:Clusterer:PersonConflictFactor"] = "1",
            [$"{PlacementOptions.Section}:Clusterer:SplitEvery"] = "2",
        };

        await queue.PublishArticlesAsync([.. articles], TestContext.Current.CancellationToken);
        PlacementWorker worker;
        await using (var placer = await WorkerHost.PlacerAsync(_folder.Path, settings))
        {
            worker = placer.Placer;
            await Eventually.HoldsAsync(
                async () => worker.Taken == articles.Count && (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).Articles == 0,
                () => $"took {worker.Taken} of {articles.Count}, acknowledged {worker.Acknowledged} (fault: {worker.Fault?.Message})");
            if (idleFlushMs == "200")
            {
                await Eventually.HoldsAsync(
                    () => Task.FromResult(worker.Acknowledged == articles.Count),
                    () => $"acknowledged {worker.Acknowledged} of {articles.Count} (fault: {worker.Fault?.Message})");
            }
        }

        Assert.Null(worker.Fault);
        Assert.Equal(articles.Count, worker.Acknowledged);
        var depths = await queue.GetDepthsAsync(TestContext.Current.CancellationToken);
        Assert.Equal((0L, 0L), (depths.Articles, depths.DeadLetters));
        Assert.Equal(articles.Count, FaultRun.CountPlaced(store));
        using var read = FaultRun.OpenForReading(store);
        var corrections = await read.ListCorrectionsSinceAsync(0, TestContext.Current.CancellationToken);
        Assert.Contains(corrections, static c => c is { Kind: StoryCorrectionKind.Split, By: StoryPlacer.SecondLookAuthor });
    }
}
