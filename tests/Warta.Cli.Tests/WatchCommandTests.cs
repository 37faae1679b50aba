using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class WatchCommandTests : IAsyncLifetime, IDisposable
{
    private const string Page = """
        <!doctype html><html lang="id"><head><meta charset="utf-8"><title>Kebakaran lahan di Ogan Ilir meluas</title></head>
        <body><article><h1>Kebakaran lahan di Ogan Ilir meluas</h1>
        <p>PALEMBANG, Kabar Sumsel — Kebakaran lahan gambut di Kabupaten Ogan Ilir meluas hingga 120 hektare pada Selasa, kata Badan Penanggulangan Bencana Daerah Sumatera Selatan.</p>
        <p>Tim gabungan memadamkan api dengan bom air dari helikopter.</p></article></body></html>
        """;

    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private bool _gone;
    private bool _edited;
    private string _base = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/rss.xml", () => Results.Text($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Kabar Sumsel</title><link>{_base}/</link><description>Berita Sumatera Selatan</description>
            <item><title>Kebakaran lahan di Ogan Ilir meluas</title><link>{_base}/berita/kebakaran-ogan-ilir</link>
            <pubDate>Selasa, 01 Des 2026 09:00:00 +0700</pubDate><author>redaksi@kabarsumsel.test (Siti Aminah)</author></item>
            </channel></rss>
            """, "application/rss+xml"));
        _app.MapGet("/berita/kebakaran-ogan-ilir", () => _gone
            ? Results.StatusCode(410)
            : Results.Text(_edited ? Page.Replace("120 hektare", "165 hektare", StringComparison.Ordinal) : Page, "text/html; charset=utf-8"));
        await _app.StartAsync();
        _base = _app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("news.db");

    private string Sources(string entry)
    {
        var file = _folder.File("sources.json");
        File.WriteAllText(file, $$"""{ "minHostDelaySeconds": 0, "sources": [ {{entry}} ] }""");
        return file;
    }

    [Fact]
    public void Watch_once_stores_the_new_page_with_the_feeds_author_and_a_410_later_shows_it_retracted()
    {
        var sources = Sources($$"""{ "name": "sumsel", "feeds": ["{{_base}}/rss.xml"], "recheckEveryMinutes": 0.001, "allowLoopback": true }""");

        var first = WartaInProcess.Run("--db", Db, "watch", "--once", "--sources", sources);
        _gone = true;
        Thread.Sleep(100);
        var second = WartaInProcess.Run("--db", Db, "watch", "--once", "--sources", sources);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("sources 1, feeds 1, new 1, revised 0, retracted 0, unchanged 0, failed 0", first.OutputLines[^1]);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("sources 1, feeds 1, new 0, revised 0, retracted 1, unchanged 0, failed 0", second.OutputLines[^1]);
        var list = WartaInProcess.Run("--db", Db, "articles", "--json");
        using var articles = JsonDocument.Parse(list.Output);
        var id = Assert.Single(articles.RootElement.EnumerateArray()).GetProperty("id").GetString()!;
        var text = WartaInProcess.Run("--db", Db, "article", id);
        Assert.StartsWith("RETRACTED ", text.OutputLines[0], StringComparison.Ordinal);
        Assert.EndsWith("410 Gone", text.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains(text.OutputLines, l => l.StartsWith("authors:", StringComparison.Ordinal) && l.Contains("Siti Aminah", StringComparison.Ordinal)
            && l.Contains("[from feed-item]", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(WartaInProcess.Run("--db", Db, "article", id, "--json").Output);
        Assert.Equal("410 Gone", json.RootElement.GetProperty("retracted").GetProperty("reason").GetString());
    }

    [Fact]
    public void The_story_shows_an_edited_page_as_its_latest_revision_with_the_earlier_one_superseded_and_a_withdrawn_one_as_withdrawn()
    {
        var sources = Sources($$"""{ "name": "sumsel", "feeds": ["{{_base}}/rss.xml"], "recheckEveryMinutes": 0.001, "allowLoopback": true }""");
        WartaInProcess.Run("--db", Db, "watch", "--once", "--sources", sources);
        _edited = true;
        Thread.Sleep(100);
        var revised = WartaInProcess.Run("--db", Db, "watch", "--once", "--sources", sources);
        _gone = true;
        Thread.Sleep(100);
        var withdrawn = WartaInProcess.Run("--db", Db, "watch", "--once", "--sources", sources);

        Assert.Equal("sources 1, feeds 1, new 0, revised 1, retracted 0, unchanged 0, failed 0", revised.OutputLines[^1]);
        Assert.Equal("sources 1, feeds 1, new 0, revised 0, retracted 1, unchanged 0, failed 0", withdrawn.OutputLines[^1]);
        using var stories = JsonDocument.Parse(WartaInProcess.Run("--db", Db, "stories", "--json").Output);
        var storyIds = stories.RootElement.EnumerateArray().Select(static s => s.GetProperty("id").GetString()!).ToList();
        // One page, one article in the story totals: its earlier revision is kept and shown, not counted.
        Assert.Equal(1, stories.RootElement.EnumerateArray().Sum(static s => s.GetProperty("articleCount").GetInt32()));
        var entries = new List<(string Id, string? SupersededBy, string? Withdrawn)>();
        var lines = new List<string>();
        foreach (var storyId in storyIds)
        {
            using var story = JsonDocument.Parse(WartaInProcess.Run("--db", Db, "story", storyId, "--json").Output);
            foreach (var article in story.RootElement.GetProperty("articles").EnumerateArray())
            {
                var withdrawal = article.GetProperty("withdrawn");
                entries.Add((article.GetProperty("id").GetString()!, article.GetProperty("supersededBy").GetString(),
                    withdrawal.ValueKind == JsonValueKind.Null ? null : withdrawal.GetProperty("reason").GetString()));
            }
            lines.AddRange(WartaInProcess.Run("--db", Db, "story", storyId).OutputLines);
        }

        // Two articles: the first version, superseded by the edited one, which its outlet then withdrew (410).
        Assert.Equal(2, entries.Count);
        var earlier = Assert.Single(entries, static e => e.SupersededBy is not null);
        var latest = Assert.Single(entries, static e => e.SupersededBy is null);
        Assert.Equal(latest.Id, earlier.SupersededBy);
        Assert.Equal("410 Gone", latest.Withdrawn);
        Assert.Null(earlier.Withdrawn);
        Assert.Contains(lines, l => l.Contains(earlier.Id, StringComparison.Ordinal) && l.EndsWith($"(superseded by revision {latest.Id})", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(latest.Id, StringComparison.Ordinal) && l.Contains("  WITHDRAWN ", StringComparison.Ordinal) && l.EndsWith("UTC: 410 Gone", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sources_file_with_a_bad_entry_is_refused_in_one_line_naming_it_and_nothing_is_written()
    {
        var sources = Sources("""{ "name": "rusak", "feeds": ["file:///etc/passwd"] }""");

        var result = WartaInProcess.Run("--db", Db, "watch", "--once", "--sources", sources);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Equal($"warta: {sources}: sources[0] (\"rusak\"): feeds[0] \"file:///etc/passwd\" is not an absolute http or https URL", line);
        Assert.False(File.Exists(Db));
    }
}
