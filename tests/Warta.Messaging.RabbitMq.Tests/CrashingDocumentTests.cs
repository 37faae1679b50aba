using Warta.Core.Ingestion;
using Warta.Hosting;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>A document that kills every <c>warta worker annotate</c> process that takes it up: the broker's delivery limit
/// on the documents queue sets it aside after that many crashes, and the documents around it are annotated once.</summary>
public sealed class CrashingDocumentTests : IDisposable
{
    private const string Marker = "mematikan-pekerja";

    private const int DeliveryLimit = 1;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_dead_letter_a_document_that_kills_its_annotator_every_time_after_the_delivery_limit_and_annotate_the_others()
    {
        await using var broker = TestBroker.Require();
        var queue = await broker.QueueAsync(DeliveryLimit);
        var corpus = SampleCorpus.Documents();
        var good = corpus.Take(12).ToList();
        var crashing = new RawDocument($"masuk/{Marker}.txt", corpus[0].Content);
        // The crashing document among the others, so the first annotator takes it in a window with some of them.
        var documents = good.Take(3).Append(crashing).Concat(good.Skip(3)).ToList();
        var expected = good.SelectMany(static d => new ArticleIngestor().Read(d)).Count(static o => o.Article is not null);
        await queue.PublishDocumentsAsync(documents, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string?>
        {
            ["WARTA_QUEUE"] = broker.Uri,
            ["WARTA_QUEUEPREFIX"] = broker.Prefix,
            [AnnotationWorker.KillOnSourceVariable] = Marker,
        };

        // As a supervisor does (systemd Restart=always): started again after each crash, until one ends by itself.
        var crashes = 0;
        var deadline = DateTime.UtcNow + Eventually.Limit;
        while (true)
        {
            var (exitCode, _, error) = await WartaProcess.RunAsync(_folder.Path, environment, "worker", "annotate", "--until-idle", "1");
            if (exitCode == 0) break;
            crashes++;
            Assert.True(crashes <= DeliveryLimit + 1, $"the annotator died {crashes} times (exit {exitCode}): {error}");
            Assert.True(DateTime.UtcNow < deadline, $"still crashing after {Eventually.Limit.TotalSeconds} s");
        }

        var depths = await queue.GetDepthsAsync(TestContext.Current.CancellationToken);
        var letter = Assert.Single(await queue.PeekDeadLettersAsync(10, TestContext.Current.CancellationToken));
        Assert.InRange(crashes, DeliveryLimit, DeliveryLimit + 1);
        Assert.Equal((0L, 1L), (depths.Documents, depths.DeadLetters));
        Assert.Equal((queue.DocumentsQueue, crashing.Source), (letter.Queue, letter.Source));
        Assert.Contains("delivery limit", letter.Error, StringComparison.Ordinal);
        // Every other document annotated once: the crashes came before their windows were published.
        Assert.Equal(expected, depths.Articles);
    }
}
