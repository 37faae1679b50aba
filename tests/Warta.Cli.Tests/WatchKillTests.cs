using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Warta.Core.Sources;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

/// <summary>A real <c>warta watch</c> process killed (SIGKILL) in the middle of a poll, then started again: nothing lost, nothing stored twice.</summary>
public sealed class WatchKillTests : IAsyncLifetime, IDisposable
{
    private const int Pages = 24;

    private static readonly string[] Regencies =
    [
        "Kabupaten Garut", "Kabupaten Cianjur", "Kabupaten Sukabumi", "Kabupaten Tasikmalaya", "Kabupaten Ciamis", "Kabupaten Kuningan",
        "Kabupaten Majalengka", "Kabupaten Sumedang", "Kabupaten Subang", "Kabupaten Purwakarta", "Kabupaten Karawang", "Kabupaten Bekasi",
    ];

    private readonly TempFolder _folder = new();
    private readonly Lock _gate = new();
    private WebApplication? _app;
    private string _base = "";
    private int _pageRequests;
    private int _killAt = int.MaxValue;
    private bool _holdAtKill;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/rss.xml", () => Results.Text($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Kabar Priangan</title><link>{_base}/</link><description>Berita Jawa Barat</description>
            {string.Concat(Enumerable.Range(1, Pages).Select(i => $"<item><title>{Title(i)}</title><link>{_base}/daerah/{i}/jalan-rusak.html</link></item>\n"))}
            </channel></rss>
            """, "application/rss+xml"));
        _app.MapGet("/daerah/{n:int}/jalan-rusak.html", async (int n, HttpContext http) =>
        {
            bool hold;
            lock (_gate)
            {
                hold = ++_pageRequests == _killAt && _holdAtKill;
                if (_pageRequests == _killAt) _reached.TrySetResult();
            }
            // Held until the watcher is killed: it dies waiting for this page, in the middle of its poll.
            if (hold) await Task.Delay(TimeSpan.FromMinutes(1), http.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
            return Results.Text(Page(n), "text/html; charset=utf-8");
        });
        await _app.StartAsync();
        _base = _app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    private static string Title(int n) => $"Jalan rusak sepanjang {n + 3} kilometer di {Regencies[n % Regencies.Length]} dikeluhkan warga";

    private static string Page(int n) => string.Create(CultureInfo.InvariantCulture, $"""
        <!doctype html><html lang="id"><head><meta charset="utf-8"><title>{Title(n)}</title>
        <meta property="article:published_time" content="2026-11-{1 + (n % 28):00}T08:{n:00}:00+07:00"><meta name="author" content="Dedi Kurniawan"></head>
        <body><article><h1>{Title(n)}</h1>
        <p>BANDUNG, Kabar Priangan — Warga {Regencies[n % Regencies.Length]} mengeluhkan jalan provinsi yang rusak sepanjang {n + 3} kilometer sejak musim hujan tiba.</p>
        <p>Lubang sedalam {10 + n} sentimeter membuat sepeda motor kerap tergelincir, kata kepala desa setempat, Ujang Suryana.</p>
        <p>Dinas Bina Marga Jawa Barat berjanji memperbaiki ruas itu dengan anggaran Rp{n * 125} juta pada tahun depan.</p>
        </article></body></html>
        """);

    [Fact]
    public async Task A_watch_process_killed_mid_poll_twice_then_restarted_stores_every_item_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = _folder.File("news.db");
        var sources = _folder.File("sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "minHostDelaySeconds": 0, "sources": [ { "name": "priangan", "outlet": "Kabar Priangan", "feeds": ["{{_base}}/rss.xml"], "allowLoopback": true } ] }
            """, ct);

        // First killed while it waits for the 5th page (pages are fetched and committed one after another, so 4 are stored);
        // then, restarted, killed right after the 6th page of its run was served: while it places and records that page.
        var storedAtKill = new List<int>();
        foreach (var (killAt, hold) in new[] { (5, true), (6, false) })
        {
            lock (_gate)
            {
                _pageRequests = 0;
                _killAt = killAt;
                _holdAtKill = hold;
                _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            using var watch = WartaProcess.Start(_folder.Path, new Dictionary<string, string?>(), "--db", db, "watch", "--sources", sources);
            var drainOut = watch.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var drainError = watch.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                var reached = await Task.WhenAny(_reached.Task, watch.WaitForExitAsync(ct), Task.Delay(TimeSpan.FromMinutes(3), ct));
                Assert.True(reached == _reached.Task, $"the watcher did not reach page {killAt} of its run (exited: {watch.HasExited})");
            }
            finally
            {
                watch.Kill(entireProcessTree: true);
                await watch.WaitForExitAsync(CancellationToken.None);
                await Task.WhenAll(drainOut, drainError);
            }
            using var store = SqliteStore.OpenForReading(db);
            storedAtKill.Add(await store.CountArticlesAsync(ct));
        }

        var again = WartaProcess.RunIn(_folder.Path, "--db", db, "watch", "--once", "--sources", sources);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(4, storedAtKill[0]);
        Assert.InRange(storedAtKill[1], 4 + 5, Pages);
        using var after = SqliteStore.OpenForReading(db);
        Assert.Equal(Pages, await after.CountArticlesAsync(ct));
        Assert.Equal(Pages, (await after.CountSeenAsync(ct)).Seen);
        var articles = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n <= Pages; n++)
        {
            var seen = await after.FindSeenAsync(CanonicalUrl.KeyOf($"{_base}/daerah/{n}/jalan-rusak.html")!, ct);
            Assert.True(seen is { Revision: 1, ArticleId.Length: > 0 }, $"page {n}: {seen}");
            Assert.True(articles.Add(seen.ArticleId), $"page {n} shares article {seen.ArticleId}");
            Assert.Equal(Title(n), (await after.GetArticleAsync(seen.ArticleId, ct))?.Title);
        }
        // Pages fetched again after a kill were committed already or not at all; none became a second article.
        Assert.Matches(@"^sources 1, feeds 1, new \d+, revised 0, retracted 0, unchanged 0, failed 0$", again.OutputLines[^1]);
    }
}
