using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Sources;
using Warta.Core.Storage;
using Warta.Fetching;

namespace Warta.Hosting;

/// <summary>Follows the configured sources: polls each feed or sitemap when due, fetches each new page and submits it to the placer with the feed's fields as metadata signals, and records what it stored in the store.</summary>
/// <remarks>
/// <para>One <see cref="Fetcher"/> per process (its per-host gate and pacing are process-wide). Sources are polled side by
/// side, four at a time, so a slow or hostile host holds up only its own source; every failure is logged with its URL and the
/// next poll retries it.</para>
/// <para>Exactly once: a page is marked seen (<see cref="ISourceStateStore"/>) only after the placer committed its article,
/// and a feed's validators are saved only once every item it listed was handled. A crash in between refetches the page on
/// restart; submitting it again is a no-op, as the article id derives from its content.</para>
/// <para>A page seen within <see cref="Source.RecheckWindow"/> that the feed still lists is re-fetched conditionally at most every
/// <see cref="Source.RecheckEvery"/>: changed text is stored as a new revision of the page, a 410 or a withdrawal notice marks
/// its article retracted.</para>
/// </remarks>
public sealed partial class FeedWatcher(
    StoreOpener storeOpener,
    IIngestService ingest,
    IOptions<WatchOptions> options,
    IOptions<FetchOptions> fetchOptions,
    TimeProvider time,
    ILogger<FeedWatcher> logger) : BackgroundService
{
    /// <summary>Sources polled at the same time at most.</summary>
    public const int Parallelism = 4;

    /// <summary>Sitemaps read from one sitemap index per poll at most.</summary>
    public const int MaxSitemapsPerIndex = 10;

    /// <summary>Item failures kept in a feed's recorded error (all are logged).</summary>
    public const int MaxErrorsKept = 8;

    private static readonly AddressGuard PrivateAndLoopbackAllowed =
        new(AddressGuard.AllowingPrivate.AllowedRanges.Concat(AddressGuard.AllowingLoopback.AllowedRanges));

    private readonly SemaphoreSlim _storeGate = new(1, 1);
    private readonly Lock _fetcherLock = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _failedUntil = new(StringComparer.Ordinal);
    private SourceStateHandle? _store;
    private Fetcher? _fetcher;
    private SourceList? _sources;

    /// <summary>The sources file's content, read and validated once.</summary>
    /// <exception cref="SourceListException">No sources file is configured, or it cannot be read or is not valid; the message names it.</exception>
    public SourceList Sources => _sources ??= Load(options.Value.Sources);

    /// <summary>Polls every source once, due or not, and returns what was done.</summary>
    public async Task<WatchSummary> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var total = WatchSummary.Empty;
        var gate = new object();
        await Parallel.ForEachAsync(Sources.Sources, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (source, ct) =>
            {
                var summary = await PollAsync(source, ct).ConfigureAwait(false);
                lock (gate) total += summary;
            }).ConfigureAwait(false);
        return total;
    }

    /// <summary>Polls each source when it is due, until <paramref name="stoppingToken"/> is cancelled.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SourceList sources;
        try
        {
            sources = Sources;
        }
        catch (SourceListException ex)
        {
            LogSourcesUnusable(logger, ex.Message);
            return;
        }
        LogWatching(logger, sources.Sources.Count);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var due = new List<Source>();
            var next = now + TimeSpan.FromMinutes(1);
            foreach (var source in sources.Sources)
            {
                var state = await WithStoreAsync(store => store.FindSourceStateAsync(source.Name, stoppingToken)).ConfigureAwait(false);
                var at = state?.NextPoll ?? now;
                if (_failedUntil.TryGetValue(source.Name, out var retry) && retry > at) at = retry;
                if (at <= now) due.Add(source);
                else if (at < next) next = at;
            }
            try
            {
                if (due.Count > 0)
                {
                    await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                        async (source, ct) =>
                        {
                            try
                            {
                                await PollAsync(source, ct).ConfigureAwait(false);
                            }
#pragma warning disable CA1031 // A long-running watcher (inside warta serve) outlives one source's unexpected failure: it is logged, the source is polled again later.
                            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                            {
                                LogPollFailed(logger, source.Name, ex);
                                // Kept in memory: the store may be what failed.
                                _failedUntil[source.Name] = time.GetUtcNow() + source.PollInterval;
                            }
                        }).ConfigureAwait(false);
                    continue;
                }
                await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _fetcher?.Dispose();
        _store?.Dispose();
        _storeGate.Dispose();
    }

    /// <summary>Reads and validates the sources file at <paramref name="path"/>.</summary>
    /// <exception cref="SourceListException">No path, an unreadable file, or an invalid one; the message names the file.</exception>
    public static SourceList Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SourceListException("no sources file is configured (--sources FILE, WARTA_SOURCES or \"sources\" in warta.json)");
        }
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourceListException($"{path}: cannot be read: {ex.Message}", ex);
        }
        return SourceList.Parse(json, path);
    }

    private async Task<WatchSummary> PollAsync(Source source, CancellationToken ct)
    {
        var tally = new Tally();
        var state = await WithStoreAsync(store => store.FindSourceStateAsync(source.Name, ct)).ConfigureAwait(false);
        foreach (var url in source.Documents)
        {
            await PollDocumentAsync(source, url, tally, ct).ConfigureAwait(false);
        }
        var interval = PollSchedule.Next(source, state?.Interval ?? source.PollInterval, tally.NewArticles + tally.Revisions + tally.Retractions > 0);
        await WithStoreAsync(store => store.SaveSourceStateAsync(new SourceState(source.Name, time.GetUtcNow(), interval), ct)).ConfigureAwait(false);
        LogPolled(logger, source.Name, tally.NewArticles, tally.Revisions, tally.Retractions, tally.Failures, interval);
        return tally.ToSummary();
    }

    private async Task PollDocumentAsync(Source source, Uri url, Tally tally, CancellationToken ct)
    {
        var key = url.AbsoluteUri;
        var previous = await WithStoreAsync(store => store.FindFeedStateAsync(source.Name, key, ct)).ConfigureAwait(false);
        FetchResult result;
        tally.Documents++;
        try
        {
            result = await Fetcher.FetchAsync(new FetchRequest(url)
            {
                ETag = previous?.ETag,
                LastModified = previous?.LastModified,
                Guard = GuardFor(source),
            }, ct).ConfigureAwait(false);
        }
        catch (FetchException ex)
        {
            await FeedFailedAsync(source, key, previous, ex.Message, tally, ct).ConfigureAwait(false);
            return;
        }
        if (result.NotModified)
        {
            tally.Unchanged++;
            // The feed lists what it listed, but those pages may have been edited or withdrawn since: re-check the ones due.
            await RecheckSeenAsync(source, tally, ct).ConfigureAwait(false);
            return;
        }
        Feed feed;
        try
        {
            feed = FeedParser.Parse(result.Body.Span, result.FinalUrl);
        }
        catch (FeedFormatException ex)
        {
            await FeedFailedAsync(source, key, previous, ex.Message, tally, ct).ConfigureAwait(false);
            return;
        }
        var items = feed.Items.ToList();
        if (feed.Kind == FeedKind.SitemapIndex)
        {
            foreach (var sitemap in feed.Sitemaps.Take(MaxSitemapsPerIndex))
            {
                items.AddRange(await ReadSitemapAsync(source, sitemap, tally, ct).ConfigureAwait(false));
            }
        }

        // Validators are saved only when every item was handled: a later 304 must not hide an item that failed this time.
        var complete = await HandleItemsAsync(source, items, tally, ct).ConfigureAwait(false);
        var state = complete
            ? new FeedState(source.Name, key, result.ETag, result.LastModified, null)
            : new FeedState(source.Name, key, null, null, tally.Errors.Count == 0
                ? "more new items than maxItemsPerPoll; the rest follow on the next poll"
                : string.Join("; ", tally.Errors.Take(MaxErrorsKept)) + (tally.Errors.Count > MaxErrorsKept ? "; …" : ""));
        await WithStoreAsync(store => store.SaveFeedStateAsync(state, ct)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<FeedItem>> ReadSitemapAsync(Source source, string sitemap, Tally tally, CancellationToken ct)
    {
        tally.Documents++;
        try
        {
            var result = await Fetcher.FetchAsync(new FetchRequest(new Uri(sitemap)) { Guard = GuardFor(source) }, ct).ConfigureAwait(false);
            return FeedParser.Parse(result.Body.Span, result.FinalUrl).Items;
        }
        catch (Exception ex) when (ex is FetchException or FeedFormatException or UriFormatException)
        {
            tally.Failures++;
            LogFailed(logger, source.Name, ex is FetchException ? ex.Message : $"{sitemap}: {ex.Message}");
            return [];
        }
    }

    private async Task FeedFailedAsync(Source source, string key, FeedState? previous, string message, Tally tally, CancellationToken ct)
    {
        tally.Failures++;
        LogFailed(logger, source.Name, message);
        var state = (previous ?? new FeedState(source.Name, key, null, null, null)) with { LastError = message };
        await WithStoreAsync(store => store.SaveFeedStateAsync(state, ct)).ConfigureAwait(false);
    }

    /// <summary>Handles the feed's items in feed order; false when some item failed or was left for the next poll.</summary>
    private async Task<bool> HandleItemsAsync(Source source, IReadOnlyList<FeedItem> items, Tally tally, CancellationToken ct)
    {
        var complete = true;
        var fetched = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (CanonicalUrl.KeyOf(item.Url) is not { } key || !keys.Add(key)) continue;
            var seen = await WithStoreAsync(store => store.FindSeenAsync(key, ct)).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (seen is not null && (seen.Retracted is not null || now - seen.FirstSeen > source.RecheckWindow || now - seen.LastFetched < source.RecheckEvery))
            {
                continue;
            }
            if (fetched == source.MaxItemsPerPoll)
            {
                complete = false;
                break;
            }
            fetched++;
            complete &= await HandleItemAsync(source, item, key, seen, tally, ct).ConfigureAwait(false);
        }
        return complete;
    }

    /// <summary>Re-fetches (conditionally) the source's pages seen within <see cref="Source.RecheckWindow"/> and not fetched for <see cref="Source.RecheckEvery"/>, as a changed feed's listed pages are.</summary>
    private async Task RecheckSeenAsync(Source source, Tally tally, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await WithStoreAsync(store => store.ListRecheckDueAsync(source.Name, now - source.RecheckWindow, now - source.RecheckEvery, source.MaxItemsPerPoll, ct))
            .ConfigureAwait(false);
        foreach (var seen in due)
        {
            // The feed item's own signals, kept from when the feed listed it: the page is read with them as it was then.
            await HandleItemAsync(source, new FeedItem(seen.Url, seen.ItemTitle, seen.ItemPublished, seen.ItemAuthor, null), seen.Key, seen, tally, ct)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Fetches one page and stores it (new, revised, withdrawn or unchanged); false when it failed and should be tried again.</summary>
    private async Task<bool> HandleItemAsync(Source source, FeedItem item, string key, SeenItem? seen, Tally tally, CancellationToken ct)
    {
        FetchResult page;
        try
        {
            page = await Fetcher.FetchAsync(new FetchRequest(new Uri(item.Url))
            {
                ETag = seen?.ETag,
                LastModified = seen?.LastModified,
                Guard = GuardFor(source),
            }, ct).ConfigureAwait(false);
        }
        catch (FetchException ex) when (ex.StatusCode == 410 && seen is not null)
        {
            await RetractAsync(seen, "410 Gone", tally, ct).ConfigureAwait(false);
            return true;
        }
        catch (FetchException ex)
        {
            tally.Failures++;
            // The message names the URL (the hop that failed, after redirects).
            tally.Errors.Add(ex.Message);
            LogFailed(logger, source.Name, ex.Message);
            return false;
        }

        var now = time.GetUtcNow();
        if (page.NotModified && seen is not null)
        {
            tally.Unchanged++;
            await WithStoreAsync(store => store.SaveSeenAsync(WithItem(seen with { LastFetched = now }, item), null, ct)).ConfigureAwait(false);
            return true;
        }

        var document = new RawDocument(item.Url, page.Body)
        {
            // Revises: what the page reads as now supersedes its previous revision in the same commit (the count, the search index).
            Hints = new DocumentHints(item.Url, item.Title, item.Published, item.Author, source.Outlet)
            {
                Revises = seen is { ArticleId.Length: > 0, Retracted: null } ? seen.ArticleId : null,
            },
            Charset = page.Charset,
        };
        // Read here too (pure, no placer state) to see a withdrawal notice or unchanged text before anything is stored.
        var read = new ArticleIngestor().Read(document).Select(static o => o.Article).OfType<Article>().FirstOrDefault();
        if (read is not null && WithdrawalNotice.Find(read) is { } notice)
        {
            if (seen is not null)
            {
                await RetractAsync(seen with { LastFetched = now }, notice, tally, ct).ConfigureAwait(false);
            }
            else
            {
                // A page withdrawn before we ever stored it is not stored: there is nothing to retract.
                tally.Unchanged++;
                LogWithdrawnUnseen(logger, source.Name, item.Url, notice);
            }
            return true;
        }
        if (seen is not null && read is not null && read.Id == seen.ArticleId)
        {
            tally.Unchanged++;
            await WithStoreAsync(store => store.SaveSeenAsync(WithItem(seen with { LastFetched = now, ETag = page.ETag, LastModified = page.LastModified }, item), null, ct))
                .ConfigureAwait(false);
            return true;
        }

        var committed = await ingest.SubmitCommittedAsync([document], ct).ConfigureAwait(false);
        var stored = committed.Count > 0 && committed[0].Articles.Count > 0 ? committed[0].Articles[0] : null;
        if (stored is null)
        {
            // Not an article (no text, an error page): remembered as such so it is not fetched on every poll.
            var why = committed.Count > 0 && committed[0].Errors.Count > 0 ? committed[0].Errors[0].ToString() : "no article in the page";
            tally.Failures++;
            LogFailed(logger, source.Name, $"{item.Url}: {why}");
            await WithStoreAsync(store => store.SaveSeenAsync(
                WithItem(new SeenItem(key, source.Name, item.Url, "", 0, now, now) { ETag = page.ETag, LastModified = page.LastModified }, item), null, ct))
                .ConfigureAwait(false);
            return true;
        }

        var title = read?.Title ?? item.Title ?? "";
        if (seen is null || seen.ArticleId.Length == 0)
        {
            tally.NewArticles++;
            var first = WithItem(new SeenItem(key, source.Name, item.Url, stored.Id, 1, now, now) { ETag = page.ETag, LastModified = page.LastModified }, item);
            await WithStoreAsync(store => store.SaveSeenAsync(first, new ArticleRevision(key, 1, stored.Id, title, now), ct)).ConfigureAwait(false);
            return true;
        }
        if (stored.Id == seen.ArticleId)
        {
            tally.Unchanged++;
            await WithStoreAsync(store => store.SaveSeenAsync(WithItem(seen with { LastFetched = now, ETag = page.ETag, LastModified = page.LastModified }, item), null, ct))
                .ConfigureAwait(false);
            return true;
        }
        tally.Revisions++;
        var revised = WithItem(
            seen with { ArticleId = stored.Id, Revision = seen.Revision + 1, LastFetched = now, ETag = page.ETag, LastModified = page.LastModified, Url = item.Url },
            item);
        await WithStoreAsync(store => store.SaveSeenAsync(revised, new ArticleRevision(key, revised.Revision, stored.Id, title, now), ct)).ConfigureAwait(false);
        LogRevised(logger, source.Name, item.Url, revised.Revision, seen.ArticleId, stored.Id);
        return true;
    }

    /// <summary><paramref name="seen"/> with what <paramref name="item"/> says about the page, where it says anything (a re-check's item says what was kept).</summary>
    private static SeenItem WithItem(SeenItem seen, FeedItem item) => seen with
    {
        ItemTitle = item.Title ?? seen.ItemTitle,
        ItemPublished = item.Published ?? seen.ItemPublished,
        ItemAuthor = item.Author ?? seen.ItemAuthor,
    };

    private async Task RetractAsync(SeenItem seen, string reason, Tally tally, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        tally.Retractions++;
        await WithStoreAsync(async store =>
        {
            if (seen.ArticleId.Length > 0) await store.SaveRetractionAsync(new ArticleRetraction(seen.ArticleId, now, reason), ct).ConfigureAwait(false);
            await store.SaveSeenAsync(seen with { Retracted = now }, null, ct).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        LogRetracted(logger, seen.Source, seen.Url, seen.ArticleId, reason);
    }

    private static AddressGuard? GuardFor(Source source) => (source.AllowPrivate, source.AllowLoopback) switch
    {
        (true, true) => PrivateAndLoopbackAllowed,
        (true, false) => AddressGuard.AllowingPrivate,
        (false, true) => AddressGuard.AllowingLoopback,
        _ => null,
    };

    private Fetcher Fetcher
    {
        get
        {
            if (_fetcher is not null) return _fetcher;
            lock (_fetcherLock)
            {
                if (_fetcher is not null) return _fetcher;
                var settings = fetchOptions.Value;
                if (Sources.UserAgent is { } agent) settings.UserAgent = agent;
                if (Sources.MinHostDelay is { } delay) settings.MinHostDelay = delay;
                return _fetcher = new Fetcher(settings, time);
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> on the watcher's own store connection, one call at a time (a connection is not thread-safe).</summary>
    private async Task<T> WithStoreAsync<T>(Func<ISourceStateStore, Task<T>> action)
    {
        await _storeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _store ??= new SourceStateHandle(storeOpener.Open());
            return await action(_store.Store).ConfigureAwait(false);
        }
        finally
        {
            _storeGate.Release();
        }
    }

    private Task<int> WithStoreAsync(Func<ISourceStateStore, Task> action) => WithStoreAsync(async store =>
    {
        await action(store).ConfigureAwait(false);
        return 0;
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "watching {Count} sources")]
    private static partial void LogWatching(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "not watching: {Message}")]
    private static partial void LogSourcesUnusable(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: new {New}, revised {Revised}, retracted {Retracted}, failed {Failed}; next poll in {Interval}")]
    private static partial void LogPolled(ILogger logger, string source, int @new, int revised, int retracted, int failed, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Source}: the poll failed; it is tried again in its poll interval")]
    private static partial void LogPollFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source}: {Message}")]
    private static partial void LogFailed(ILogger logger, string source, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: {Url} changed: revision {Revision}, article {Old} is now {New}")]
    private static partial void LogRevised(ILogger logger, string source, string url, int revision, string old, string @new);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: {Url} withdrawn ({Reason}): article {Article} marked retracted")]
    private static partial void LogRetracted(ILogger logger, string source, string url, string article, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: {Url} is withdrawn ({Reason}) and was never stored; skipped")]
    private static partial void LogWithdrawnUnseen(ILogger logger, string source, string url, string reason);

    /// <summary>Counts of one source's poll.</summary>
    private sealed class Tally
    {
        public int Documents { get; set; }

        public int NewArticles { get; set; }

        public int Revisions { get; set; }

        public int Retractions { get; set; }

        public int Unchanged { get; set; }

        public int Failures { get; set; }

        /// <summary>Why items failed, "URL: reason", in feed order.</summary>
        public List<string> Errors { get; } = [];

        public WatchSummary ToSummary() => new(1, Documents, NewArticles, Revisions, Retractions, Unchanged, Failures);
    }

    /// <summary>The watcher's store connection (SQLite or PostgreSQL), seen as the followed-source state it keeps.</summary>
    private sealed class SourceStateHandle(IWartaStore store) : IDisposable
    {
        // Both stores keep followed sources' state (SQLite steps 10-11, PostgreSQL step 4); any other store cannot be watched into.
        public ISourceStateStore Store => store as ISourceStateStore
            ?? throw new StoreUnavailableException(store.Location, "this store keeps no followed sources", null);

        public void Dispose() => store.Dispose();
    }
}
