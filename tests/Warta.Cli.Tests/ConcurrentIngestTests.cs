using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

/// <summary>Several <c>warta ingest</c> processes on one store at once: one writes at a time, and the store ends as one sequential run leaves it.</summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[][] Topics =
    [
        ["Banjir Rendam Jakarta Timur", "Jakarta, tirto.id - Banjir merendam ratusan rumah di Jakarta Timur setelah hujan deras dan sungai Ciliwung meluap. Warga mengungsi ke masjid."],
        ["Gempa Guncang Lombok Utara", "Mataram, kompas.com - Gempa bermagnitudo 5,2 mengguncang Lombok Utara. BMKG menyatakan gempa tidak berpotensi tsunami dan warga berhamburan keluar rumah."],
        ["Harga Beras Naik di Pasar Induk", "Jakarta, detik.com - Harga beras medium di Pasar Induk Cipinang naik menjadi Rp 12.000 per kilogram. Pedagang beras menyebut pasokan gabah dari petani berkurang."],
        ["Timnas Menang Atas Vietnam", "Hanoi, bola.com - Timnas Indonesia menang 2-1 atas Vietnam dalam laga kualifikasi. Pelatih timnas memuji pemain yang mencetak gol di babak kedua."],
    ];

    /// <summary>The stories one sequential ingest of <see cref="MakeFiles"/> gives; the same for every test, so made once.</summary>
    private static readonly Lazy<HashSet<string>> Sequential = new(() =>
    {
        using var folder = new TempFolder();
        var db = folder.File("sequential.db");
        Assert.Equal(0, WartaProcess.Run(["ingest", .. MakeFiles(folder), "--db", db]).ExitCode);
        return Partition(db);
    });

    /// <summary>Twelve text pages: three reports on each of four unrelated stories, each report worded a little differently.</summary>
    private static List<string> MakeFiles(TempFolder into)
    {
        var folder = Path.Combine(into.Path, "in");
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (var report = 0; report < 3; report++)
        {
            for (var topic = 0; topic < Topics.Length; topic++)
            {
                var (title, body) = (Topics[topic][0], Topics[topic][1]);
                var file = Path.Combine(folder, $"t{topic}-r{report}.txt");
                File.WriteAllText(file, $"{title} ({report + 1})\n\n{body}\n\nLaporan ke-{report + 1}: {string.Join(' ', body.Split(' ').Skip(3 + report).Take(8))}.\n");
                files.Add(file);
            }
        }
        return files;
    }

    /// <summary>Each article's story, as the set of articles sharing it after merges; plus the invariants every store must keep.</summary>
    private static HashSet<string> Partition(string db)
    {
        using var store = new SqliteStore(db);
        var articles = store.List();
        Assert.NotEmpty(articles);
        Assert.Equal(articles.Count, store.CountPlaced());
        var stories = store.ListStories();
        Assert.Equal(store.CountPlaced(), stories.Sum(static s => s.ArticleCount));
        var mergedInto = store.ListMerges().ToDictionary(static m => m.FromStoryId, static m => m.IntoStoryId, StringComparer.Ordinal);
        string Final(string id) => mergedInto.TryGetValue(id, out var into) ? Final(into) : id;
        return [.. articles
            .GroupBy(a => Final(store.GetAssignment(a.Id)!.StoryId), StringComparer.Ordinal)
            .Select(static g => string.Join(",", g.Select(static a => a.Source).Select(Path.GetFileName).Order(StringComparer.Ordinal)))];
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public async Task Should_place_every_article_once_and_end_as_a_sequential_run_when_processes_ingest_at_once(int processes, bool overlapping)
    {
        var files = MakeFiles(_folder);
        var db = _folder.File("concurrent.db");
        // Contiguous shares of the files (report after report), so every story has reports in two shares.
        // Disjoint: every process gets its own share. Overlapping: each also gets the next process's share.
        int Share(int file) => file * processes / files.Count;
        var shares = Enumerable.Range(0, processes)
            .Select(p => files.Where((_, i) => Share(i) == p || (overlapping && Share(i) == (p + 1) % processes)).ToList())
            .ToList();
        Assert.All(shares, static share => Assert.NotEmpty(share));

        var results = await Task.WhenAll(shares.Select(share => Task.Run(() => WartaProcess.Run(["ingest", .. share, "--db", db, "--lock-timeout", "120"]))));

        Assert.All(results, static r => Assert.Equal(0, r.ExitCode));
        var news = results.Sum(static r => int.Parse(r.OutputLines[^1].Split(", ")[1]["new ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(files.Count, news);
        Assert.Equal(Sequential.Value, Partition(db));
    }

    [Fact]
    public async Task Should_wait_for_the_writer_saying_so_then_exit_2_and_write_nothing()
    {
        var files = MakeFiles(_folder);
        var db = _folder.File("held.db");
        using var store = new SqliteStore(db);
        await using var held = await store.AcquireWriteLockAsync(TimeSpan.Zero, null, TestContext.Current.CancellationToken);

        var result = WartaProcess.Run(["ingest", .. files, "--db", db, "--lock-timeout", "1"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.ErrorLines, static l => l.StartsWith("warta: waiting up to 1 s for another writer of", StringComparison.Ordinal));
        Assert.StartsWith("warta: cannot write to store", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(0, store.Count());
    }
}
