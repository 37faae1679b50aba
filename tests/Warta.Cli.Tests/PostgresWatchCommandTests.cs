using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

/// <summary><c>warta watch</c> into a PostgreSQL store: followed sources' state kept there as in the embedded store.</summary>
public sealed class PostgresWatchCommandTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IAsyncLifetime, IDisposable
{
    private const string Page = """
        <!doctype html><html lang="id"><head><meta charset="utf-8"><title>Banjir rob rendam pesisir Demak</title></head>
        <body><article><h1>Banjir rob rendam pesisir Demak</h1>
        <p>DEMAK, Kabar Jateng — Banjir rob merendam lima desa di pesisir Kabupaten Demak pada Rabu pagi, kata Badan Penanggulangan Bencana Daerah setempat.</p>
        <p>Warga mengungsi ke balai desa sambil menunggu air surut.</p></article></body></html>
        """;

    private readonly TempFolder _folder = new();
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private WebApplication? _app;
    private bool _gone;
    private string _base = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/rss.xml", () => Results.Text($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Kabar Jateng</title><link>{_base}/</link><description>Berita Jawa Tengah</description>
            <item><title>Banjir rob rendam pesisir Demak</title><link>{_base}/berita/rob-demak</link>
            <pubDate>Rabu, 02 Des 2026 07:30:00 +0700</pubDate></item>
            </channel></rss>
            """, "application/rss+xml"));
        _app.MapGet("/berita/rob-demak", () => _gone ? Results.StatusCode(410) : Results.Text(Page, "text/html; charset=utf-8"));
        await _app.StartAsync();
        _base = _app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_store_a_watched_page_in_postgresql_and_show_it_withdrawn_after_its_outlet_answers_410()
    {
        database.SkipUnlessAvailable();
        var store = database.StoreUri(_scope, "watched");
        var sources = _folder.File("sources.json");
        File.WriteAllText(sources, $$"""
            { "minHostDelaySeconds": 0, "sources": [ { "name": "jateng", "feeds": ["{{_base}}/rss.xml"], "recheckEveryMinutes": 0.001, "allowLoopback": true } ] }
            """);

        var first = WartaInProcess.Run("--store", store, "watch", "--once", "--sources", sources);
        var unchanged = WartaInProcess.Run("--store", store, "watch", "--once", "--sources", sources);
        _gone = true;
        Thread.Sleep(100);
        var second = WartaInProcess.Run("--store", store, "watch", "--once", "--sources", sources);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("sources 1, feeds 1, new 1, revised 0, retracted 0, unchanged 0, failed 0", first.OutputLines[^1]);
        Assert.Contains("new 0,", unchanged.OutputLines[^1], StringComparison.Ordinal);
        Assert.Equal("sources 1, feeds 1, new 0, revised 0, retracted 1, unchanged 0, failed 0", second.OutputLines[^1]);
        using var articles = JsonDocument.Parse(WartaInProcess.Run("--store", store, "articles", "--json").Output);
        var id = Assert.Single(articles.RootElement.EnumerateArray()).GetProperty("id").GetString()!;
        using var json = JsonDocument.Parse(WartaInProcess.Run("--store", store, "article", id, "--json").Output);
        Assert.Equal("410 Gone", json.RootElement.GetProperty("retracted").GetProperty("reason").GetString());
        var found = WartaInProcess.Run("--store", store, "search", "rob", "Demak");
        Assert.EndsWith("1 of 1 matching article", found.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_run_the_alert_rules_of_a_postgresql_store_on_the_pages_it_watches()
    {
        database.SkipUnlessAvailable();
        var store = database.StoreUri(_scope, "alerted");
        var sources = _folder.File("alerted.json");
        File.WriteAllText(sources, $$"""
            { "minHostDelaySeconds": 0, "sources": [ { "name": "jateng", "feeds": ["{{_base}}/rss.xml"], "allowLoopback": true } ] }
            """);

        var matching = WartaInProcess.Run("--store", store, "alerts", "add", "--query", "rob Demak", "--webhook", "http://127.0.0.1:9/hook", "--name", "rob");
        var other = WartaInProcess.Run("--store", store, "alerts", "add", "--query", "gempa");
        var watched = WartaInProcess.Run("--store", store, "watch", "--once", "--sources", sources);
        var again = WartaInProcess.Run("--store", store, "watch", "--once", "--sources", sources);
        var deliveries = WartaInProcess.Run("--store", store, "alerts", "deliveries", "--json");

        Assert.True(matching.ExitCode + other.ExitCode + watched.ExitCode + again.ExitCode == 0, matching.Error + other.Error + watched.Error + again.Error);
        Assert.Equal("2 rules", WartaInProcess.Run("--store", store, "alerts", "list").OutputLines[^1]);
        var delivery = Assert.Single(JsonDocument.Parse(deliveries.Output).RootElement.EnumerateArray());
        Assert.Equal(("pending", 0), (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32()));
        using var opened = Storage.Postgres.PostgresStore.Connect(store, forReading: true);
        var rules = await opened.ListAlertRulesAsync(TestContext.Current.CancellationToken);
        var rob = rules.Single(static r => r.Name == "rob");
        var alert = Assert.Single(await opened.ListAlertsAsync(rob.Id, 10, TestContext.Current.CancellationToken));
        Assert.Equal("Banjir rob rendam pesisir Demak", alert.Title);
        Assert.Empty(await opened.ListAlertsAsync(rules.Single(static r => r.Name != "rob").Id, 10, TestContext.Current.CancellationToken));
        Assert.True(await opened.AlertSequenceAsync(TestContext.Current.CancellationToken) >= await opened.LatestSequenceAsync(TestContext.Current.CancellationToken));
    }
}
