using System.Globalization;
using System.Text;
using System.Text.Json;
using Warta.Core.Alerts;
using Warta.Core.Ingestion;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests.Alerts;

public sealed class RateJumpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Burst = new(2025, 11, 12, 14, 0, 0, TimeSpan.FromHours(7));

    private static readonly string[] Outlets = ["kabarnusa.id", "wartatimur.com", "suarapagi.co.id", "beritakota.net", "antarprov.com"];

    /// <summary>One report of a landslide in the (invented) Kabupaten Lamaru, with one sentence of its own so that each is a distinct article.</summary>
    private static string Record(int i, DateTimeOffset published) => JsonSerializer.Serialize(new
    {
        title = $"Longsor Tutup Jalan Poros Lamaru–Aluh Raya, Ratusan Kendaraan Tertahan ({i})",
        url = $"https://{Outlets[i % Outlets.Length]}/daerah/longsor-lamaru-{i}",
        outlet = Outlets[i % Outlets.Length],
        published = published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        text = "Lamaru - Tanah longsor menutup jalan poros Lamaru–Aluh Raya di Kecamatan Aluh Raya, Kabupaten Lamaru, Kalimantan Selatan, "
            + "setelah hujan deras mengguyur sejak malam. BPBD Lamaru mengerahkan alat berat untuk membuka jalur.\n\n"
            + "Kepala BPBD Lamaru, Rusdiansyah, mengatakan ratusan kendaraan tertahan di kedua sisi longsoran. \"Kami minta pengendara "
            + "mencari jalur alternatif lewat Desa Batu Ampar,\" ujarnya.\n\n"
            + $"Petugas mencatat perkembangan terbaru pada laporan ke-{i}: material longsor setinggi {i + 2} meter masih dibersihkan.",
    });

    [Fact]
    public async Task A_burst_fires_one_rate_jump_at_the_fifth_article_of_the_hour_and_not_again_while_it_lasts()
    {
        using var folder = new TempFolder();
        var store = folder.File("warta.db");
        var jump = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.RateJump, "3x") with { Factor = 3 });
        var steep = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.RateJump, "200x") with { Factor = 200 });
        // History: one report 30 h before the burst (so the story has a rate), one 10 h before (its recent rate: 1/24 an hour);
        // then six reports five minutes apart.
        var times = new List<DateTimeOffset> { Burst.AddHours(-30), Burst.AddHours(-10) };
        times.AddRange(Enumerable.Range(0, 6).Select(static k => Burst.AddMinutes(5 * k)));
        var lines = string.Join("\n", times.Select((t, i) => Record(i, t)));

        await AlertStores.IngestAsync(store, folder.Path, [new RawDocument("longsor.jsonl", Encoding.UTF8.GetBytes(lines))]);

        using var read = SqliteStore.OpenForReading(store);
        var articles = (await read.ListArticlesAsync(new Warta.Core.Storage.PageRequest(0, 100), Ct)).Items;
        Assert.Equal(8, articles.Count);
        var stories = articles.Select(a => read.GetAssignmentAsync(a.Id, Ct).GetAwaiter().GetResult()!.StoryId).Distinct().ToList();
        Assert.Single(stories);
        var fifth = articles.Single(static a => a.Title.EndsWith("(6)", StringComparison.Ordinal));
        var fired = Assert.Single(await read.ListAlertsAsync(jump.Id, 100, Ct));
        Assert.Equal($"{jump.Id}:story:{stories[0]}:jump:{fifth.Id}", fired.Key);
        Assert.Equal(5, fired.Count);
        // 200x the recent rate is 8.3 articles an hour: six never reach it.
        Assert.Empty(await read.ListAlertsAsync(steep.Id, 100, Ct));
    }
}
