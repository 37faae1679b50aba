using System.Globalization;
using System.Text;
using Warta.Core.Ingestion;
using Warta.Hosting;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>A <c>warta worker annotate</c> process killed with SIGKILL mid-stream: the broker hands its documents to the next annotator, and the placer stores every article once.</summary>
public sealed class AnnotatorKillTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private const int DocumentCount = 150;

    private static readonly string[] Villages = ["Sukamaju", "Tanjung Rejo", "Karang Anyar", "Sumber Agung", "Mekar Sari", "Banjar Baru", "Lubuk Jaya", "Air Hitam"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_store_every_article_exactly_once_when_an_annotator_process_is_killed_mid_stream()
    {
        await using var broker = TestBroker.Require();
        var queue = await broker.QueueAsync();
        var documents = Enumerable.Range(0, DocumentCount).Select(Report).ToList();
        var expected = documents.SelectMany(static d => new ArticleIngestor().Read(d)).Select(static o => o.Article!.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(DocumentCount, expected.Distinct().Count());
        var store = TestStores.Location(database, _folder, "killed");
        await queue.PublishDocumentsAsync(documents, TestContext.Current.CancellationToken);

        using (var doomed = WartaProcess.Start(
            _folder.Path, new Dictionary<string, string?> { ["WARTA_QUEUE"] = broker.Uri, ["WARTA_QUEUEPREFIX"] = broker.Prefix }, "worker", "annotate"))
        {
            // Killed once its first articles are confirmed: it holds documents it has not acknowledged, some already published.
            await Eventually.HoldsAsync(
                async () => doomed.HasExited || (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).Articles > 0,
                () => "the annotator process published nothing");
            Assert.False(doomed.HasExited, "the annotator process stopped by itself");
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        var settings = new Dictionary<string, string?>
        {
            [nameof(WartaOptions.Store)] = store,
            [nameof(WorkQueueOptions.Queue)] = broker.Uri,
            [nameof(WorkQueueOptions.QueuePrefix)] = broker.Prefix,
            [$"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}"] = "300",
        };
        int annotatedAfterKill;
        await using (var annotator = await WorkerHost.AnnotatorAsync(_folder.Path, settings))
        await using (var placer = await WorkerHost.PlacerAsync(_folder.Path, settings))
        {
            await Eventually.HoldsAsync(
                async () =>
                {
                    var depths = await queue.GetDepthsAsync(TestContext.Current.CancellationToken);
                    return depths.Documents == 0 && depths.Articles == 0 && placer.Placer.Acknowledged == placer.Placer.Taken && Count(store) == DocumentCount;
                },
                () => $"annotated {annotator.Annotator.Documents}, placer took {placer.Placer.Taken} and acknowledged {placer.Placer.Acknowledged} (fault: {placer.Placer.Fault}), stored {Count(store)} of {DocumentCount}");
            annotatedAfterKill = annotator.Annotator.Documents;
        }

        // The second annotator had work left: the killed one's unacknowledged documents came back to the queue (all of
        // them when it was killed before its first acknowledgement).
        Assert.InRange(annotatedAfterKill, 1, DocumentCount);
        using var stored = Open(store);
        Assert.Equal(expected, stored.List().Select(static a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(DocumentCount, stored.CountPlaced());
        Assert.Equal(0, (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).DeadLetters);
    }

    /// <summary>A village clean-up report, one per <paramref name="i"/>: its own title and figures, so its own content hash.</summary>
    private static RawDocument Report(int i)
    {
        var village = Villages[i % Villages.Length];
        var day = 1 + (i % 28);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Senin, {day} Okt 2025 {8 + (i % 10):00}:{i % 60:00} WIB")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Warga {village} Bersihkan Saluran Air Jelang Musim Hujan, {120 + i} Karung Sampah Terangkut")
            .AppendLine()
            .AppendLine("Penulis: Redaksi Kabar Nusa")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"BEKASI, kabarnusa.id - Sebanyak {120 + i} karung sampah diangkat dari saluran air di Desa {village} dalam kerja bakti pada Minggu pagi. Kepala Desa Ahmad Suryadi mengatakan kegiatan itu digelar untuk mencegah banjir menjelang musim hujan.");
        for (var p = 0; p < 4; p++)
        {
            text.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Menurut Suryadi, warga dari {3 + p} rukun tetangga ikut membersihkan gorong-gorong sepanjang {200 + (i * 7) + p} meter. Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Bekasi mengirim dua truk untuk mengangkut lumpur dan sampah plastik ke tempat pembuangan akhir di Burangkeng.");
        }
        return new RawDocument($"laporan/kerja-bakti-{i:000}.txt", Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static int Count(string location)
    {
        using var store = Open(location);
        return store.CountPlaced();
    }

    private static Core.Storage.IWartaStore Open(string location) =>
        PostgresLocation.IsPostgres(location) ? PostgresStore.Connect(location, forReading: true) : SqliteStore.OpenForReading(location);
}
