using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Warta.Core.Alerts;
using Warta.Core.Sources;
using Warta.Core.Storage;
using Warta.Fetching;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Hosting.Tests.Soak;

/// <summary>
/// The bounded soak: twenty loopback outlets publish for <c>WARTA_SOAK_SECONDS</c> (default 120, what CI runs; 600 by hand)
/// while a hosted <see cref="FeedWatcher"/> follows them with alert rules delivering to a loopback webhook receiver.
/// </summary>
/// <remarks>It asserts counts and a memory bound, never a time: the figures it measures (pages/s, memory) are written to the
/// test output and, when <c>WARTA_SOAK_REPORT</c> names a file, appended to it.</remarks>
[Collection(nameof(SoakRun))]
public sealed class WatchSoakTests
{
    /// <summary>Items published per second across the twenty outlets while the soak runs.</summary>
    private const double PublishedPerSecond = 2;

    /// <summary>Items published at once after the timed part, to see how fast a backlog is fetched and placed.</summary>
    private const int Burst = 200;

    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(2);

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("WARTA_SOAK_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 120);

    [Fact]
    public async Task Twenty_outlets_publishing_for_the_soak_are_stored_exactly_once_with_each_alert_delivered_once_signed_and_memory_flat()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var db = folder.File("soak.db");
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(-30), TimeSpan.Zero);
        await using var outlets = await SoakOutletServer.StartAsync(seed: 15, start);
        await using var receiver = await SoakWebhookReceiver.StartAsync();
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        AlertRule flood, quake, never;
        using (var store = new SqliteStore(db))
        {
            flood = await AddRuleAsync(store, "banjir", "rahasia-banjir");
            quake = await AddRuleAsync(store, "gempa", "rahasia-gempa");
            // Nothing the outlets publish says "longsor": this rule must stay silent.
            never = await AddRuleAsync(store, "longsor", "rahasia-longsor");
        }
        async Task<AlertRule> AddRuleAsync(SqliteStore store, string query, string secret)
        {
            var rule = await store.AddAlertRuleAsync(new AlertRule
            {
                Id = AlertRule.NewId(),
                Name = query,
                Kind = AlertRuleKind.Query,
                Query = query,
                Webhook = receiver.Url,
                Secret = secret,
                AllowPrivateWebhook = true,
                Created = DateTimeOffset.UtcNow,
            }, ct);
            secrets[rule.Id] = secret;
            return rule;
        }
        var sources = folder.File("sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "minHostDelaySeconds": 0, "sources": [
            {{string.Join(",\n", outlets.Outlets.Select(o => $$"""
                { "name": "{{o.Host}}", "outlet": "{{o.Name}}", "feeds": ["{{outlets.Base(o)}}{{o.FeedPath}}"],
                  "pollMinutes": 0.05, "minPollMinutes": 0.02, "maxPollMinutes": 0.1, "allowLoopback": true }
                """))}}
            ] }
            """, ct);

        var builder = WartaHost.CreateBuilder(
            [new("Store", db), new("Sources", sources), new("Alerts:PollSeconds", "0.5")], folder.Path);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddWartaPlacement(builder.Configuration);
        builder.Services.AddWartaWatch(builder.Configuration, asHostedService: true);
        builder.Services.AddWartaAlertDelivery();
        builder.Services.Configure<FetchOptions>(o =>
            o.Resolve = (host, _) => Task.FromResult(host.EndsWith(".test", StringComparison.Ordinal) ? [IPAddress.Loopback] : Array.Empty<IPAddress>()));
        using var host = builder.Build();
        await host.StartAsync(ct);

        // Warm up: an item per outlet, all stored before the clock and the memory samples start (models loaded, connections open).
        var published = new List<SoakArticle>();
        for (var i = 0; i < outlets.Outlets.Count; i++) published.Add(outlets.PublishNext());
        await WaitForStoredAsync(db, published.Count, TimeSpan.FromMinutes(3), ct);

        var samples = new List<(double Seconds, long Heap, long WorkingSet)>();
        var clock = Stopwatch.StartNew();
        var nextSample = TimeSpan.Zero;
        var warm = published.Count;
        while (clock.Elapsed < Duration)
        {
            while (published.Count - warm < (int)(clock.Elapsed.TotalSeconds * PublishedPerSecond) + 1) published.Add(outlets.PublishNext());
            if (clock.Elapsed >= nextSample)
            {
                samples.Add((clock.Elapsed.TotalSeconds, GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet));
                nextSample += SampleEvery;
            }
            await Task.Delay(100, ct);
        }
        await WaitForStoredAsync(db, published.Count, TimeSpan.FromMinutes(3), ct);
        var steady = clock.Elapsed;

        var burst = Stopwatch.StartNew();
        for (var i = 0; i < Burst; i++) published.Add(outlets.PublishNext());
        await WaitForStoredAsync(db, published.Count, TimeSpan.FromMinutes(3), ct);
        burst.Stop();

        var floods = published.Count(static a => a.Topic == SoakArticle.Flood);
        var quakes = published.Count(static a => a.Topic == SoakArticle.Quake);
        var deadline = Stopwatch.StartNew();
        while (receiver.Requests.Count < floods + quakes && deadline.Elapsed < TimeSpan.FromMinutes(1)) await Task.Delay(200, ct);
        // Time for a stray second delivery to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        await host.StopAsync(ct);

        // Every item stored exactly once: one seen page and one article per published item, each with its own text.
        using (var store = SqliteStore.OpenForReading(db))
        {
            Assert.Equal(published.Count, await store.CountArticlesAsync(ct));
            Assert.Equal(published.Count, (await store.CountSeenAsync(ct)).Seen);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in published)
            {
                var outlet = outlets.Outlets.Single(o => o.Find(item.Path) is not null);
                var seen = await store.FindSeenAsync(CanonicalUrl.KeyOf(outlets.Base(outlet) + item.Path)!, ct);
                Assert.True(seen is { Revision: 1, ArticleId.Length: > 0 }, $"item {item.Serial} ({item.Path}) is not stored once: {seen}");
                Assert.True(ids.Add(seen.ArticleId), $"item {item.Serial} shares article {seen.ArticleId} with another item");
                Assert.Equal(item.Title, (await store.GetArticleAsync(seen.ArticleId, ct))?.Title);
            }
            var deliveries = await store.ListDeliveriesAsync(100_000, ct);
            Assert.Equal(floods + quakes, deliveries.Count);
            Assert.All(deliveries, static d => Assert.Equal((AlertDeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));
        }

        // Each alert delivered once, signed with its rule's secret: one per flood item, one per quake item, none for the silent rule.
        var received = receiver.Requests.ToList();
        var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in received)
        {
            using var body = JsonDocument.Parse(request.Body);
            var rule = body.RootElement.GetProperty("rule").GetProperty("id").GetString()!;
            Assert.True(AlertSignature.Verify(request.Body, secrets[rule], request.Signature), $"bad signature on delivery {request.Delivery}");
            byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
        }
        Assert.Equal(received.Count, received.Select(static r => r.Delivery).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(floods, byRule.GetValueOrDefault(flood.Id));
        Assert.Equal(quakes, byRule.GetValueOrDefault(quake.Id));
        Assert.Equal(0, byRule.GetValueOrDefault(never.Id));

        // Memory flat: the managed heap after a full collection, last quarter of the samples against the first.
        var quarter = Math.Max(1, samples.Count / 4);
        var firstHeap = Median(samples.Take(quarter).Select(static s => s.Heap));
        var lastHeap = Median(samples.TakeLast(quarter).Select(static s => s.Heap));
        var firstWorkingSet = Median(samples.Take(quarter).Select(static s => s.WorkingSet));
        var lastWorkingSet = Median(samples.TakeLast(quarter).Select(static s => s.WorkingSet));
        using var self = Process.GetCurrentProcess();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"soak {Duration.TotalSeconds:0} s, 20 outlets: {published.Count} pages stored once; steady {(published.Count - Burst - warm) / steady.TotalSeconds:0.0} pages/s fetched and placed "
            + $"(published at {PublishedPerSecond}/s), burst of {Burst} in {burst.Elapsed.TotalSeconds:0.0} s = {Burst / burst.Elapsed.TotalSeconds:0.0} pages/s; "
            + $"{received.Count} webhooks; managed heap {Mb(firstHeap)} → {Mb(lastHeap)} MB (first → last quarter), working set {Mb(firstWorkingSet)} → {Mb(lastWorkingSet)} MB, "
            + $"peak working set {Mb(self.PeakWorkingSet64)} MB; load average {LoadAverage()}");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("WARTA_SOAK_REPORT") is { Length: > 0 } file) await File.AppendAllTextAsync(file, report + "\n", ct);
        Assert.True(lastHeap <= firstHeap * 1.25 + 16 * 1024 * 1024, report);
        Assert.True(lastWorkingSet <= firstWorkingSet * 1.5 + 64 * 1024 * 1024, report);
    }

    private static async Task WaitForStoredAsync(string db, int count, TimeSpan timeout, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        var stored = 0;
        while (waited.Elapsed < timeout)
        {
            using (var store = SqliteStore.OpenForReading(db)) stored = (await store.CountSeenAsync(ct)).Seen;
            if (stored >= count) return;
            await Task.Delay(250, ct);
        }
        Assert.Fail($"{stored} of {count} published items stored after {timeout}");
    }

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
