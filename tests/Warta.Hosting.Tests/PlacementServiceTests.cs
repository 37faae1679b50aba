using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Hosting.Tests;

/// <summary>The placement service started and stopped with the host: it places what is submitted, commits it on stop, and holds the store's one write lock while it runs.</summary>
public sealed class PlacementServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[][] Reports =
    [
        ["Banjir Rendam Jakarta Timur", "Jakarta, tirto.id - Banjir merendam ratusan rumah di Jakarta Timur setelah hujan deras dan sungai Ciliwung meluap. Warga mengungsi ke masjid."],
        ["Gempa Guncang Lombok Utara", "Mataram, kompas.com - Gempa bermagnitudo 5,2 mengguncang Lombok Utara. BMKG menyatakan gempa tidak berpotensi tsunami dan warga berhamburan keluar rumah."],
        ["Harga Beras Naik di Pasar Induk", "Jakarta, detik.com - Harga beras medium di Pasar Induk Cipinang naik menjadi Rp 12.000 per kilogram. Pedagang beras menyebut pasokan gabah dari petani berkurang."],
        ["Timnas Menang Atas Vietnam", "Hanoi, bola.com - Timnas Indonesia menang 2-1 atas Vietnam dalam laga kualifikasi. Pelatih timnas memuji pemain yang mencetak gol di babak kedua."],
    ];

    private static RawDocument Document(int index) =>
        new($"report-{index}.txt", Encoding.UTF8.GetBytes($"{Reports[index][0]}\n\n{Reports[index][1]}\n"));

    private static KeyValuePair<string, string?> Setting(string key, string value) => new(key, value);

    private string Db => _folder.File("news.db");

    private IHost CreateHost(params KeyValuePair<string, string?>[] settings)
    {
        var builder = WartaHost.CreateBuilder([new("Store", Db), .. settings], _folder.Path);
        builder.Services.AddWartaPlacement(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Should_place_submitted_documents_in_stories()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = CreateHost();
        await host.StartAsync(ct);
        var errors = new List<IngestError>();

        var summary = await host.Services.GetRequiredService<IIngestService>().SubmitAsync([Document(0), Document(1)], null, errors.Add, ct);
        await host.StopAsync(ct);

        Assert.Empty(errors);
        Assert.Equal(new Core.Pipeline.IngestSummary(2, 2, 0, 0), summary);
        Assert.Equal(2, host.Services.GetRequiredService<PlacementService>().Stats?.Placed);
        using var store = new SqliteStore(Db);
        Assert.Equal(2, store.Count());
        Assert.Equal(2, store.CountPlaced());
        Assert.NotEmpty(store.ListStories());
    }

    [Fact]
    public async Task Should_commit_everything_queued_when_the_host_stops_and_release_the_store()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = CreateHost();
        await host.StartAsync(ct);
        var queue = host.Services.GetRequiredService<IIngestService>();

        // Not awaited: each is queued when the call returns; the placer commits none of them before the stop (batch of 500, reorder window).
        var submissions = Enumerable.Range(0, Reports.Length).Select(i => queue.SubmitAsync([Document(i)], cancellationToken: ct)).ToList();
        await host.StopAsync(ct);

        Assert.All(submissions, static s => Assert.True(s.IsCompletedSuccessfully));
        Assert.Equal(Reports.Length, submissions.Sum(static s => s.Result.New));
        using var store = new SqliteStore(Db);
        Assert.Equal(Reports.Length, store.CountPlaced());
        await using var writeLock = await store.AcquireWriteLockAsync(TimeSpan.Zero, null, ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.SubmitAsync([Document(0)], cancellationToken: ct));
    }

    [Fact]
    public async Task Should_make_a_second_host_on_the_store_wait_then_fail_as_busy_while_the_first_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = CreateHost();
        await first.StartAsync(ct);
        using var second = CreateHost(Setting("Placer:LockTimeoutSeconds", "0.5"));
        var waiting = new List<string>();
        second.Services.GetRequiredService<PlacementService>().OnWaiting = waiting.Add;

        await Assert.ThrowsAsync<StoreBusyException>(() => second.StartAsync(ct));

        var message = Assert.Single(waiting);
        Assert.StartsWith("waiting up to 0.5 s for another writer", message, StringComparison.Ordinal);
        Assert.Equal(new Core.Pipeline.IngestSummary(1, 1, 0, 0), await first.Services.GetRequiredService<IIngestService>().SubmitAsync([Document(2)], cancellationToken: ct));
        await first.StopAsync(ct);
        using var third = CreateHost(Setting("Placer:LockTimeoutSeconds", "0"));
        await third.StartAsync(ct);
        await third.StopAsync(ct);
        using var store = new SqliteStore(Db);
        Assert.Equal(1, store.CountPlaced());
    }

    [Fact]
    public void Should_bind_placer_settings_from_the_placer_section()
    {
        using var host = CreateHost(Setting("Placer:BatchArticles", "7"), Setting("Placer:LockTimeoutSeconds", "2.5"), Setting("Placer:ReorderWindow", "512"));

        var options = host.Services.GetRequiredService<IOptions<PlacementOptions>>().Value.ToStoryPlacerOptions();

        Assert.Equal(7, options.BatchArticles);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.LockTimeout);
        Assert.Equal(512, options.ReorderWindow);
    }

    [Fact]
    public async Task Should_refuse_to_start_with_a_negative_lock_timeout()
    {
        using var host = CreateHost(Setting("Placer:LockTimeoutSeconds", "-1"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("LockTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_start_with_a_negative_reorder_window()
    {
        using var host = CreateHost(Setting("Placer:ReorderWindow", "-1"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ReorderWindow", error.Message, StringComparison.Ordinal);
    }
}
