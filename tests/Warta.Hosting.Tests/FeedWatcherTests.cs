using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Warta.Core.Ingestion;
using Warta.Core.Sources;
using Warta.Fetching;
using Warta.Hosting.Tests.Fixtures;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Hosting.Tests;

/// <summary>The <see cref="FeedWatcher"/> against loopback outlets: new items placed once, conditional GETs, robots.txt, hostile pages, restarts, revisions and withdrawals.</summary>
public sealed class FeedWatcherTests : IClassFixture<OutletServer>, IDisposable
{
    private readonly OutletServer _outlets;

    public FeedWatcherTests(OutletServer server)
    {
        _outlets = server;
        _outlets.Reset();
    }

    private const string BanjirPath = "/berita/2026/11/30/banjir-rendam-jakarta-timur.html";
    private const string GempaPath = "/berita/2026/11/30/gempa-guncang-cianjur.html";

    private readonly TempFolder _folder = new();
    private readonly ConcurrentQueue<ConnectAttempt> _attempts = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("news.db");

    private string WriteSources(params string[] names) => WriteSources(false, names);

    /// <summary>A sources file for the named outlets; <paramref name="recheck"/> lets Nusantara's and Kota's pages be re-fetched on every poll.</summary>
    private string WriteSources(bool recheck, params string[] names)
    {
        var recheckEvery = recheck ? "\"recheckEveryMinutes\": 0.001, " : "";
        var entries = names.Select(name => name switch
        {
            OutletServer.Nusantara => $$"""{ "name": "nusantara", "outlet": "Kabar Nusantara", "feeds": ["{{_outlets.Base(name)}}/rss.xml"], "pollMinutes": 10, {{recheckEvery}}"allowLoopback": true }""",
            OutletServer.Timur => $$"""{ "name": "timur", "feeds": ["{{_outlets.Base(name)}}/atom.xml"], "allowLoopback": true }""",
            OutletServer.Kota => $$"""{ "name": "kota", "feeds": ["{{_outlets.Base(name)}}/feed.json"], {{recheckEvery}}"allowLoopback": true }""",
            OutletServer.Jebakan => $$"""{ "name": "jebakan", "feeds": ["{{_outlets.Base(name)}}/rss.xml"], "allowLoopback": true }""",
            _ => throw new ArgumentOutOfRangeException(nameof(names)),
        });
        var file = _folder.File("sources.json");
        File.WriteAllText(file, $$"""{ "minHostDelaySeconds": 0, "sources": [ {{string.Join(",\n", entries)}} ] }""");
        return file;
    }

    private IHost CreateHost(string sources, Func<IIngestService, IIngestService>? wrapIngest = null, bool hosted = false)
    {
        var builder = WartaHost.CreateBuilder([new("Store", Db), new("Sources", sources)], _folder.Path);
        builder.Services.AddWartaPlacement(builder.Configuration);
        builder.Services.AddWartaWatch(builder.Configuration, asHostedService: hosted);
        if (wrapIngest is not null)
        {
            builder.Services.AddSingleton(sp => wrapIngest(sp.GetRequiredService<PlacementService>()));
        }
        builder.Services.Configure<FetchOptions>(o =>
        {
            // Made-up outlet names resolve to loopback; anything else resolves to nothing.
            o.Resolve = (host, _) => Task.FromResult(host.EndsWith(".test", StringComparison.Ordinal) ? [IPAddress.Loopback] : Array.Empty<IPAddress>());
            o.OnConnectAttempt = _attempts.Enqueue;
            o.MaxBodyBytes = 1024 * 1024;
            o.IdleTimeout = TimeSpan.FromMilliseconds(700);
            o.TotalTimeout = TimeSpan.FromSeconds(20);
        });
        return builder.Build();
    }

    private async Task<WatchSummary> PollOnceAsync(string sources)
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = CreateHost(sources);
        await host.StartAsync(ct);
        var summary = await host.Services.GetRequiredService<FeedWatcher>().PollOnceAsync(ct);
        await host.StopAsync(ct);
        return summary;
    }

    [Fact]
    public async Task New_items_of_rss_atom_and_json_feeds_are_placed_once_each_and_a_second_poll_gets_304_and_fetches_no_page()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(OutletServer.Nusantara, OutletServer.Timur, OutletServer.Kota);

        var first = await PollOnceAsync(sources);
        var logged = _outlets.Log.Count;
        var second = await PollOnceAsync(sources);
        var secondRequests = _outlets.Log.Skip(logged).ToList();

        // 3 + 2 + 2 pages; the fourth Nusantara item is under /rahasia/, which robots.txt disallows.
        Assert.Equal(7, first.NewArticles);
        Assert.Equal(1, first.Failures);
        Assert.Equal(0, second.NewArticles);
        Assert.Equal(0, _outlets.CountOf(OutletServer.Nusantara, "/rahasia/catatan-redaksi.html"));
        Assert.Contains(secondRequests, r => r.Host == OutletServer.Timur && r.Path == "/atom.xml" && r.Conditional && r.Status == 304);
        Assert.Contains(secondRequests, r => r.Host == OutletServer.Kota && r.Path == "/feed.json" && r.Conditional && r.Status == 304);
        // No page is fetched again (Nusantara's feed is, whole: its disallowed item kept its validators from being saved).
        Assert.DoesNotContain(secondRequests, r => r.Path.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains(secondRequests, r => r.Host == OutletServer.Nusantara && r.Path == "/rss.xml" && r.Status == 200);

        using var store = SqliteStore.OpenForReading(Db);
        Assert.Equal(7, await store.CountArticlesAsync(ct));
        var seen = await store.FindSeenAsync(CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Nusantara) + BanjirPath)!, ct);
        Assert.NotNull(seen);
        var article = await store.GetArticleAsync(seen.ArticleId, ct);
        Assert.NotNull(article);
        Assert.NotNull(await store.GetAssignmentAsync(seen.ArticleId, ct));
        Assert.Equal("Rina Wulandari", Assert.Single(article.Authors));
        Assert.Equal("html-meta", article.Provenance["authors"]);
        // The gempa page names no author: the feed's dc:creator fills it, with its provenance.
        var gempa = await store.GetArticleAsync((await store.FindSeenAsync(CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Nusantara) + GempaPath)!, ct))!.ArticleId, ct);
        Assert.Equal("Agus Setiawan", Assert.Single(gempa!.Authors));
        Assert.Equal("feed-item", gempa.Provenance["authors"]);
    }

    [Fact]
    public async Task Hostile_pages_each_end_with_their_own_error_while_the_good_page_and_the_other_source_are_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(OutletServer.Jebakan, OutletServer.Kota);

        var summary = await PollOnceAsync(sources);

        Assert.Equal(3, summary.NewArticles);
        Assert.Equal(5, summary.Failures);
        using var store = SqliteStore.OpenForReading(Db);
        var feed = await store.FindFeedStateAsync("jebakan", _outlets.Base(OutletServer.Jebakan) + "/rss.xml", ct);
        Assert.NotNull(feed?.LastError);
        Assert.Contains("/besar: body exceeds the cap", feed.LastError, StringComparison.Ordinal);
        Assert.Contains("/tetes: no data for", feed.LastError, StringComparison.Ordinal);
        Assert.Contains("/bom: body exceeds the cap", feed.LastError, StringComparison.Ordinal);
        Assert.Contains("redirect loop", feed.LastError, StringComparison.Ordinal);
        Assert.Contains("refused by the address guard", feed.LastError, StringComparison.Ordinal);
        // The private address was considered and refused: no socket was opened to it.
        var toPrivate = _attempts.Where(a => a.Address.Equals(IPAddress.Parse("10.0.0.1"))).ToList();
        Assert.NotEmpty(toPrivate);
        Assert.All(toPrivate, a => Assert.True(a.Refused));
        Assert.All(_attempts.Where(a => !a.Refused), a => Assert.True(IPAddress.IsLoopback(a.Address)));
        Assert.NotNull(await store.FindSeenAsync(CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Jebakan) + "/berita/longsor-trans-sulawesi.html")!, ct));
    }

    [Fact]
    public async Task A_poll_stopped_between_a_commit_and_its_record_then_restarted_stores_every_item_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(OutletServer.Nusantara, OutletServer.Timur, OutletServer.Kota);
        using var stop = new CancellationTokenSource();
        using (var host = CreateHost(sources, inner => new StoppingIngest(inner, stop, afterCommits: 3)))
        {
            await host.StartAsync(ct);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, stop.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Services.GetRequiredService<FeedWatcher>().PollOnceAsync(linked.Token));
            await host.StopAsync(ct);
        }
        int committedBefore;
        int recordedBefore;
        using (var store = SqliteStore.OpenForReading(Db))
        {
            committedBefore = await store.CountArticlesAsync(ct);
            recordedBefore = (await store.CountSeenAsync(ct)).Seen;
        }
        Assert.InRange(committedBefore, 3, 6);
        Assert.True(recordedBefore < committedBefore, $"{recordedBefore} recorded of {committedBefore} committed: a committed page should be left unrecorded, as a kill there would");

        var again = await PollOnceAsync(sources);

        using (var store = SqliteStore.OpenForReading(Db))
        {
            Assert.Equal(7, await store.CountArticlesAsync(ct));
            Assert.Equal(7, (await store.CountSeenAsync(ct)).Seen);
        }
        // Every page not recorded was fetched again; the ones already committed were placed as no-ops.
        Assert.Equal(7 - recordedBefore, again.NewArticles);
    }

    [Fact]
    public async Task An_edited_page_becomes_a_revision_and_a_withdrawn_or_gone_page_marks_its_article_retracted()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(recheck: true, OutletServer.Nusantara);
        await PollOnceAsync(sources);
        string banjirKey = CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Nusantara) + BanjirPath)!;
        string gempaKey = CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Nusantara) + GempaPath)!;
        const string BerasPath = "/berita/2026/11/30/harga-beras-naik-bandung.html";
        string berasKey = CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Nusantara) + BerasPath)!;
        string banjirV1, gempaId, berasId;
        using (var store = SqliteStore.OpenForReading(Db))
        {
            banjirV1 = (await store.FindSeenAsync(banjirKey, ct))!.ArticleId;
            gempaId = (await store.FindSeenAsync(gempaKey, ct))!.ArticleId;
            berasId = (await store.FindSeenAsync(berasKey, ct))!.ArticleId;
        }
        _outlets.Replace(OutletServer.Nusantara, BanjirPath, _outlets.PageOf(OutletServer.Nusantara, BanjirPath)
            .Replace("1.240 warga mengungsi ke masjid", "1.860 warga mengungsi ke masjid", StringComparison.Ordinal));
        _outlets.Replace(OutletServer.Nusantara, GempaPath, _outlets.PageOf(OutletServer.Nusantara, GempaPath)
            .Replace("</h1>", "</h1>\n<p><strong>Artikel ini telah dicabut</strong> oleh redaksi karena data korban belum terverifikasi.</p>", StringComparison.Ordinal));
        _outlets.Gone(OutletServer.Nusantara, BerasPath);
        await Task.Delay(100, ct);

        var summary = await PollOnceAsync(sources);

        Assert.Equal(1, summary.Revisions);
        Assert.Equal(2, summary.Retractions);
        Assert.Equal(0, summary.NewArticles);
        using var after = SqliteStore.OpenForReading(Db);
        var banjir = await after.FindSeenAsync(banjirKey, ct);
        Assert.Equal(2, banjir!.Revision);
        Assert.NotEqual(banjirV1, banjir.ArticleId);
        var history = await after.RevisionsOfAsync(banjirV1, ct);
        Assert.Equal([1, 2], history.Select(r => r.Revision));
        Assert.Equal([banjirV1, banjir.ArticleId], history.Select(r => r.ArticleId));
        Assert.Contains("1.860 warga", string.Join(" ", (await after.GetArticleAsync(banjir.ArticleId, ct))!.Paragraphs), StringComparison.Ordinal);
        Assert.Equal("Artikel ini telah dicabut", (await after.FindRetractionAsync(gempaId, ct))?.Reason);
        Assert.Equal("410 Gone", (await after.FindRetractionAsync(berasId, ct))?.Reason);
        Assert.Null(await after.FindRetractionAsync(banjir.ArticleId, ct));
    }

    [Fact]
    public async Task A_feed_answering_304_still_has_its_pages_rechecked_and_an_edited_page_becomes_a_revision()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(recheck: true, OutletServer.Kota);
        const string TamanPath = "/kota/taman-kota-surabaya.html";
        await PollOnceAsync(sources);
        string key = CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Kota) + TamanPath)!;
        string first;
        using (var store = SqliteStore.OpenForReading(Db)) first = (await store.FindSeenAsync(key, ct))!.ArticleId;
        _outlets.Replace(OutletServer.Kota, TamanPath, _outlets.PageOf(OutletServer.Kota, TamanPath)
            .Replace("lima taman kota", "tujuh taman kota", StringComparison.Ordinal));
        await Task.Delay(100, ct);
        var logged = _outlets.Log.Count;

        var summary = await PollOnceAsync(sources);

        var requests = _outlets.Log.Skip(logged).ToList();
        Assert.Contains(requests, r => r.Path == "/feed.json" && r.Conditional && r.Status == 304);
        Assert.Contains(requests, r => r.Path == TamanPath && r.Status == 200);
        Assert.Equal(1, summary.Revisions);
        using var after = SqliteStore.OpenForReading(Db);
        var seen = await after.FindSeenAsync(key, ct);
        Assert.Equal(2, seen!.Revision);
        Assert.Equal([first, seen.ArticleId], (await after.RevisionsOfAsync(first, ct)).Select(static r => r.ArticleId));
        Assert.Contains("tujuh taman kota", string.Join(" ", (await after.GetArticleAsync(seen.ArticleId, ct))!.Paragraphs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_page_counts_once_in_the_story_totals_and_search_finds_its_new_wording_and_not_the_old()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(recheck: true, OutletServer.Nusantara);
        await PollOnceAsync(sources);
        string banjirKey = CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Nusantara) + BanjirPath)!;
        int totalBefore;
        string first;
        using (var store = SqliteStore.OpenForReading(Db))
        {
            totalBefore = await StoryTotalAsync(store);
            first = (await store.FindSeenAsync(banjirKey, ct))!.ArticleId;
            Assert.Equal([first], await SearchAsync(store, "masjid"));
        }
        // BPBD corrects its count and where people went: the old wording ("masjid") is in the first revision only.
        _outlets.Replace(OutletServer.Nusantara, BanjirPath, _outlets.PageOf(OutletServer.Nusantara, BanjirPath)
            .Replace("1.240 warga mengungsi ke masjid", "1.860 warga mengungsi ke gelanggang olahraga", StringComparison.Ordinal));
        await Task.Delay(100, ct);

        var summary = await PollOnceAsync(sources);

        Assert.Equal(1, summary.Revisions);
        using var after = SqliteStore.OpenForReading(Db);
        var latest = (await after.FindSeenAsync(banjirKey, ct))!.ArticleId;
        Assert.NotEqual(first, latest);
        Assert.NotNull(await after.GetArticleAsync(first, ct));
        Assert.Equal(totalBefore, await StoryTotalAsync(after));
        Assert.Empty(await SearchAsync(after, "masjid"));
        Assert.Equal([latest], await SearchAsync(after, "olahraga"));
        var change = Assert.Single(await after.ChangesSinceAsync(0, 10_000, ct), static c => c.Kind == Core.Storage.StoreChangeKind.ArticleSuperseded);
        Assert.Equal(first, change.ArticleId);
    }

    [Fact]
    public async Task A_revision_of_a_page_already_alerted_on_fires_no_second_alert_and_a_rule_only_the_revision_matches_fires_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(recheck: true, OutletServer.Nusantara);
        Core.Alerts.AlertRule flood, sports;
        using (var store = new SqliteStore(Db))
        {
            flood = await store.AddAlertRuleAsync(QueryRule("banjir"), ct);
            sports = await store.AddAlertRuleAsync(QueryRule("olahraga"), ct);
        }
        await PollOnceAsync(sources);
        _outlets.Replace(OutletServer.Nusantara, BanjirPath, _outlets.PageOf(OutletServer.Nusantara, BanjirPath)
            .Replace("1.240 warga mengungsi ke masjid", "1.860 warga mengungsi ke gelanggang olahraga", StringComparison.Ordinal));
        await Task.Delay(100, ct);
        var revised = await PollOnceAsync(sources);
        _outlets.Replace(OutletServer.Nusantara, BanjirPath, _outlets.PageOf(OutletServer.Nusantara, BanjirPath)
            .Replace("1.240 warga mengungsi ke masjid", "1.915 warga mengungsi ke gelanggang olahraga", StringComparison.Ordinal));
        await Task.Delay(100, ct);
        var revisedAgain = await PollOnceAsync(sources);

        Assert.Equal((1, 1), (revised.Revisions, revisedAgain.Revisions));
        using var after = SqliteStore.OpenForReading(Db);
        string banjirKey = CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Nusantara) + BanjirPath)!;
        var floodAlerts = await after.ListAlertsAsync(flood.Id, 100, ct);
        // Three revisions of the flood page, one alert for it; the history is kept for the story.
        Assert.Equal(3, (await after.RevisionsOfAsync((await after.FindSeenAsync(banjirKey, ct))!.ArticleId, ct)).Count);
        Assert.Single(floodAlerts, a => a.ArticleUrl is { } url && CanonicalUrl.KeyOf(url) == banjirKey);
        Assert.Equal(floodAlerts.Count, floodAlerts.Select(static a => a.Key).Distinct(StringComparer.Ordinal).Count());
        var sportsAlert = Assert.Single(await after.ListAlertsAsync(sports.Id, 100, ct));
        Assert.Equal($"{sports.Id}:page:{banjirKey}", sportsAlert.Key);
    }

    [Fact]
    public async Task A_page_rechecked_after_the_feed_answered_304_is_read_with_the_time_its_feed_item_gave_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(recheck: true, OutletServer.Kota);
        const string TamanPath = "/kota/taman-kota-surabaya.html";
        await PollOnceAsync(sources);
        string key = CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Kota) + TamanPath)!;
        // The page names no time of its own: the feed's date_published is the article's.
        var fromFeed = new DateTimeOffset(2026, 11, 30, 6, 40, 0, TimeSpan.FromHours(7));
        using (var store = SqliteStore.OpenForReading(Db))
        {
            var seen = (await store.FindSeenAsync(key, ct))!;
            Assert.Equal(fromFeed, seen.ItemPublished?.Value);
            Assert.Equal(fromFeed, (await store.GetArticleAsync(seen.ArticleId, ct))!.Published?.Value);
        }
        _outlets.Replace(OutletServer.Kota, TamanPath, _outlets.PageOf(OutletServer.Kota, TamanPath)
            .Replace("lima taman kota baru", "tujuh taman kota baru", StringComparison.Ordinal));
        await Task.Delay(100, ct);
        var logged = _outlets.Log.Count;

        var summary = await PollOnceAsync(sources);

        Assert.Contains(_outlets.Log.Skip(logged), r => r.Path == "/feed.json" && r.Status == 304);
        Assert.Equal(1, summary.Revisions);
        using var after = SqliteStore.OpenForReading(Db);
        var revised = (await after.FindSeenAsync(key, ct))!;
        Assert.Equal(2, revised.Revision);
        var article = (await after.GetArticleAsync(revised.ArticleId, ct))!;
        Assert.Equal(fromFeed, article.Published?.Value);
        Assert.Equal("Surabaya tambah lima taman kota tahun depan", revised.ItemTitle);
    }

    private static Core.Alerts.AlertRule QueryRule(string query) => new()
    {
        Id = Core.Alerts.AlertRule.NewId(),
        Name = query,
        Kind = Core.Alerts.AlertRuleKind.Query,
        Query = query,
        Created = DateTimeOffset.UtcNow,
    };

    /// <summary>The article totals of the current stories, as the story list shows them.</summary>
    private static async Task<int> StoryTotalAsync(SqliteStore store) =>
        (await store.ListCurrentStoriesAsync(new Core.Storage.PageRequest(0, 1000), Core.Storage.StoryListOrder.Updated, TestContext.Current.CancellationToken))
            .Items.Sum(static s => s.ArticleCount);

    private static async Task<List<string>> SearchAsync(SqliteStore store, string query)
    {
        using var index = Search.Lucene.LuceneSearchIndex.TryOpen(Search.Lucene.SearchIndexLocation.For(store.Path), Analyzers.Default, store, store);
        Assert.NotNull(index);
        var ids = new List<string>();
        await foreach (var hit in index.ExportAsync(Core.Search.SearchQueryParser.Parse(query), TestContext.Current.CancellationToken)) ids.Add(hit.ArticleId);
        return ids;
    }

    [Fact]
    public async Task A_page_sent_as_utf_16_without_a_byte_order_mark_is_read_by_the_charset_its_content_type_names()
    {
        var ct = TestContext.Current.CancellationToken;
        const string TamanPath = "/kota/taman-kota-surabaya.html";
        _outlets.Encode(OutletServer.Kota, TamanPath, new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: false));

        var summary = await PollOnceAsync(WriteSources(OutletServer.Kota));

        Assert.Equal((2, 0), (summary.NewArticles, summary.Failures));
        using var store = SqliteStore.OpenForReading(Db);
        var seen = await store.FindSeenAsync(CanonicalUrl.KeyOf(_outlets.Base(OutletServer.Kota) + TamanPath)!, ct);
        Assert.Equal("Surabaya tambah lima taman kota tahun depan", (await store.GetArticleAsync(seen!.ArticleId, ct))?.Title);
    }

    [Fact]
    public async Task The_poll_interval_halves_after_new_items_and_grows_when_nothing_changed()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(OutletServer.Timur);

        await PollOnceAsync(sources);
        TimeSpan afterNew;
        using (var store = SqliteStore.OpenForReading(Db)) afterNew = (await store.FindSourceStateAsync("timur", ct))!.Interval;
        await PollOnceAsync(sources);
        TimeSpan afterQuiet;
        using (var store = SqliteStore.OpenForReading(Db)) afterQuiet = (await store.FindSourceStateAsync("timur", ct))!.Interval;

        // Defaults: 15 minutes, at least 5: halved to 7.5, then grown by half to 11.25.
        Assert.Equal(TimeSpan.FromMinutes(7.5), afterNew);
        Assert.Equal(TimeSpan.FromMinutes(11.25), afterQuiet);
    }

    [Fact]
    public async Task Started_with_the_host_the_watcher_polls_due_sources_by_itself_and_stops_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var sources = WriteSources(OutletServer.Timur);
        using var host = CreateHost(sources, hosted: true);

        await host.StartAsync(ct);
        var stored = 0;
        for (var i = 0; i < 300 && stored < 2; i++)
        {
            await Task.Delay(100, ct);
            using var store = SqliteStore.OpenForReading(Db);
            stored = (await store.CountSeenAsync(ct)).Seen;
        }
        var stopping = Stopwatch.StartNew();
        await host.StopAsync(ct);

        Assert.Equal(2, stored);
        // The next poll is minutes away: stopping cancels the wait instead of sitting it out.
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
        using var after = SqliteStore.OpenForReading(Db);
        Assert.Equal(2, await after.CountArticlesAsync(ct));
        Assert.Equal(TimeSpan.FromMinutes(7.5), (await after.FindSourceStateAsync("timur", ct))!.Interval);
    }

    /// <summary>Passes submissions through, and after <paramref name="afterCommits"/> commits stops the poll before the watcher can record the page: what a kill there leaves.</summary>
    private sealed class StoppingIngest(IIngestService inner, CancellationTokenSource stop, int afterCommits) : IIngestService
    {
        private int _commits;

        public Task<Warta.Core.Pipeline.IngestSummary> SubmitAsync(
            IReadOnlyList<RawDocument> documents, IProgress<Warta.Core.Pipeline.IngestProgress>? progress = null,
            Action<Warta.Core.Model.IngestError>? onError = null, CancellationToken cancellationToken = default) =>
            inner.SubmitAsync(documents, progress, onError, cancellationToken);

        public async Task<IReadOnlyList<IngestedDocument>> SubmitCommittedAsync(IReadOnlyList<RawDocument> documents, CancellationToken cancellationToken = default)
        {
            var result = await inner.SubmitCommittedAsync(documents, cancellationToken);
            if (Interlocked.Increment(ref _commits) >= afterCommits)
            {
                await stop.CancelAsync();
                throw new OperationCanceledException(stop.Token);
            }
            return result;
        }
    }
}
