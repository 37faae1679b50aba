using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Storage.Sqlite;

namespace Warta.Benchmarks.Pipeline;

/// <summary>
/// End-to-end ingestion throughput: generated plain-text pages → <see cref="IngestPipeline"/> → a fresh SQLite file.
/// One operation is one article, so BenchmarkDotNet's "Op/s" column reads as articles per second.
/// <see cref="StoreOnly"/> feeds ready-made articles through the same pipeline, isolating the storage cost.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmark : IDisposable
{
    private const int Pages = 500;

    private static readonly string[] Words =
    [
        "pemerintah", "Jakarta", "banjir", "warga", "presiden", "mengatakan", "kepada", "wartawan", "pada", "Senin",
        "kebijakan", "anggaran", "daerah", "polisi", "menangkap", "tersangka", "gempa", "Lombok", "korban", "bantuan",
        "ekonomi", "tumbuh", "persen", "tahun", "ini", "menurut", "data", "BPS", "yang", "dirilis",
    ];

    private RawDocument[] _documents = [];
    private string _folder = "";
    private SqliteStore? _store;
    private IngestPipeline? _pipeline;
    private IngestPipeline? _storeOnly;
    private Dictionary<string, IngestOutcome[]> _prebuilt = [];

    [GlobalSetup]
    public void MakePages()
    {
        var random = new Random(20190423);
        _documents = [.. Enumerable.Range(0, Pages).Select(i => new RawDocument($"bench/{i:D5}.txt", Encoding.UTF8.GetBytes(Page(random, i))))];
        _prebuilt = _documents.ToDictionary(static d => d.Source, static d => new[] { IngestOutcome.Of(Prebuilt(d)) }, StringComparer.Ordinal);
    }

    [IterationSetup]
    public void OpenFreshStore()
    {
        _folder = Path.Combine(Path.GetTempPath(), "warta-bench-" + Guid.NewGuid().ToString("N"));
        _store = new SqliteStore(Path.Combine(_folder, "warta.db"));
        _pipeline = new IngestPipeline(new ArticleIngestor(), _store);
        _storeOnly = new IngestPipeline(document => _prebuilt[document.Source], _store, []);
    }

    [IterationCleanup]
    public void DeleteStore()
    {
        _store?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public IngestSummary IngestPages() => _pipeline!.IngestAll(_documents);

    [Benchmark(OperationsPerInvoke = Pages)]
    public IngestSummary StoreOnly() => _storeOnly!.IngestAll(_documents);

    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Warta.Core.Model.Article Prebuilt(RawDocument document)
    {
        var text = Encoding.UTF8.GetString(document.Content.Span);
        var parts = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        return new Warta.Core.Model.Article
        {
            Id = document.Source,
            Title = parts[0],
            Outlet = "tirto.id",
            Published = new Warta.Core.Model.PublicationTime(new DateTimeOffset(2019, 4, 23, 9, 0, 0, TimeSpan.FromHours(7)), Warta.Core.Model.TimePrecision.Day),
            Paragraphs = parts[1..],
            Source = document.Source,
        };
    }

    private static string Page(Random random, int index)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Berita nomor {index}: {Sentence(random, 6)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Jakarta, {23 - (index % 20)} April 2019 - ");
        for (var p = 0; p < 6; p++)
        {
            for (var s = 0; s < 4; s++) text.Append(Sentence(random, 8 + random.Next(12))).Append(". ");
            text.Append("\n\n");
        }
        return text.ToString();
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
}
