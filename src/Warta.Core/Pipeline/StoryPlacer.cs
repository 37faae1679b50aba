using System.Diagnostics;
using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Text;

namespace Warta.Core.Pipeline;

/// <summary>The one writer of placements: orders annotated articles, skips those already placed, clusters each, and commits them with their stories in batches.</summary>
/// <remarks>
/// <para>It holds the store's write lock from <see cref="OpenAsync"/> to <see cref="DisposeAsync"/>, so a second writer (in
/// this or another process) waits for it, or gives up with <see cref="StoreBusyException"/>; the duplicate lookup and the
/// commits that follow it therefore see one consistent store.</para>
/// <para>Recovery is exact: a checkpoint records the change sequence number it reflects. On open the placer restores it and
/// re-runs the placements committed after it, in commit order, through the restored clusterer; the clusterer is
/// deterministic, so that is the state an uninterrupted run would have. Only without a usable checkpoint (none yet, other
/// options, another snapshot format, a damaged one) does it re-run every placement, again in commit order. A killed run
/// loses only its uncommitted batch: those articles were never stored, and the next run places them.</para>
/// <para>Commits go to the store on a second thread while the next articles are placed (one in flight at most): on two
/// cores the SQLite writes of the uci-news stream cost about as much as analysing and clustering it.</para>
/// </remarks>
public sealed partial class StoryPlacer : IAsyncDisposable
{
    /// <summary>Stored placements read per query during recovery.</summary>
    private const int ReplayPage = 1000;

    private readonly IPlacementStore _store;
    private readonly ITextAnalyzer _analyzer;
    private readonly StoryPlacerOptions _options;
    private readonly IAsyncDisposable _lock;
    private readonly string _fingerprint;
    private readonly StoryClusterer _clusterer;
    private readonly PlacementOrder _order;
    /// <summary>Ids taken this run and not committed yet (in the reorder window or the open batch).</summary>
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);

    /// <summary>A 64-bit hash of every id taken this run: a long run keeps 8 bytes per article, not its id string.</summary>
    /// <remarks>A hit whose id is not pending is confirmed in the store (it was committed earlier in the run, or it is a
    /// hash collision), so a new article is never taken for a duplicate.</remarks>
    private readonly HashSet<ulong> _taken = [];
    private readonly bool _lookUpStore;
    private readonly List<Article> _due = [];
    private readonly Stopwatch _sinceCheckpoint = Stopwatch.StartNew();
    private readonly Stopwatch _placing = new();
    private Batch _batch = new();
    private Task _inFlight = Task.CompletedTask;
    /// <summary>The store commit of <see cref="_inFlight"/> alone, without its followers' catch-up.</summary>
    private Task _stored = Task.CompletedTask;
    private int _placedTotal;
    private int _sinceCheckpointArticles;
    /// <summary>Articles committed since the followers last caught up (see <see cref="StoryPlacerOptions.FollowEveryArticles"/>).</summary>
    private int _sinceFollowArticles;
    private string? _lastArticleId;
    private PlacerStats _stats;
    private TimeSpan _checkpointCommitTime;

    /// <summary>What making the last snapshot took (its commit not counted).</summary>
    private TimeSpan _lastCheckpointTime;

    /// <summary>The timed checkpoint waits at least this many times what the last snapshot took, so snapshots cost at most
    /// about 5 % of the placer's time however large the working set grows.</summary>
    /// <remarks>The snapshot is written whole: 1.6 MB after 10,000 generated load records, 85 MB after 100,000 (every story
    /// stays live once the stream clock stops moving; see README, issue 14), about a second of CPU each. At every 60 s that
    /// was a second per minute of placing; the count trigger (<see cref="StoryPlacerOptions.CheckpointEveryArticles"/>) is
    /// unchanged, so recovery still re-runs at most that many placements.</remarks>
    private const int CheckpointTimeShare = 20;

    private StoryPlacer(
        IPlacementStore store, ITextAnalyzer analyzer, StoryPlacerOptions options, IAsyncDisposable writeLock, StoryClusterer clusterer, PlacerStats stats, int placedTotal, string? lastArticleId)
    {
        _store = store;
        _analyzer = analyzer;
        _options = options;
        _lock = writeLock;
        _fingerprint = StoryClusterer.OptionsFingerprint(options.Clusterer);
        _clusterer = clusterer;
        _order = new PlacementOrder(options.ReorderWindow);
        _stats = stats;
        _placedTotal = placedTotal;
        _lastArticleId = lastArticleId;
        _lookUpStore = placedTotal > 0;
        // Placements re-run at open are not in the stored checkpoint yet: the end of the run saves one that has them.
        _sinceCheckpointArticles = stats.Restored ? stats.Replayed : placedTotal;
    }

    /// <summary>Told each placed article with what placing it did, in placement order (the evaluation scores from it).</summary>
    public Action<Article, ClusteringResult>? OnPlaced { get; set; }

    /// <summary>What the placer did so far.</summary>
    public PlacerStats Stats => _stats with { CheckpointTime = _stats.CheckpointTime + _checkpointCommitTime, PlacingTime = _placing.Elapsed };

    /// <summary>The clusterer's working set size, for throughput reports.</summary>
    public StoryClusterer Clusterer => _clusterer;

    /// <summary>Takes the write lock, then brings the clusterer to the state of the stored placements (see the remarks on the class).</summary>
    /// <param name="store">Where placements go.</param>
    /// <param name="analyzer">Text analysis for titles and bodies.</param>
    /// <param name="options">Batching, checkpoints, order, lock wait; the defaults when null.</param>
    /// <param name="onWaiting">Told once when another writer holds the lock, with what it waits for.</param>
    /// <param name="cancellationToken">Stops waiting or recovering.</param>
    /// <exception cref="StoreBusyException">Another writer kept the lock past <see cref="StoryPlacerOptions.LockTimeout"/>.</exception>
    public static async Task<StoryPlacer> OpenAsync(
        IPlacementStore store, ITextAnalyzer analyzer, StoryPlacerOptions? options = null, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(analyzer);
        options ??= new StoryPlacerOptions();
        var writeLock = await store.AcquireWriteLockAsync(options.LockTimeout, onWaiting, cancellationToken).ConfigureAwait(false);
        StoryPlacer? placer = null;
        try
        {
            var fingerprint = StoryClusterer.OptionsFingerprint(options.Clusterer);
            var checkpoint = await store.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
            var clusterer = await TryRestoreAsync(store, checkpoint, fingerprint, options.Clusterer, cancellationToken).ConfigureAwait(false);
            var restored = clusterer is not null;
            clusterer ??= new StoryClusterer(options.Clusterer);
            var from = restored ? checkpoint!.ChangeSequence : 0;
            var placedBefore = restored ? checkpoint!.ArticleCount : 0;
            var lastId = restored ? checkpoint!.LastArticleId : null;
            var replayed = 0;
            var corrections = await ReplayedCorrectionsAsync(store, from, cancellationToken).ConfigureAwait(false);
            // The second look is taken where the placer took it, right after the placement that made it due and before
            // anything numbered after that placement (its own splits are the stored corrections that follow it).
            var lookDue = clusterer.LookDue;
            while (true)
            {
                var page = await store.ListPlacedSinceAsync(from, ReplayPage, cancellationToken).ConfigureAwait(false);
                foreach (var placed in page)
                {
                    if (lookDue) clusterer.PassLook();
                    await corrections.ApplyBeforeAsync(clusterer, analyzer, placed.Sequence, cancellationToken).ConfigureAwait(false);
                    Replay(clusterer, analyzer, placed);
                    lookDue = clusterer.CountForLook();
                    lastId = placed.Article.Id;
                }
                replayed += page.Count;
                if (page.Count < ReplayPage) break;
                from = page[^1].Sequence;
            }
            if (lookDue && corrections.AnyLeft)
            {
                clusterer.PassLook();
                lookDue = false;
            }
            await corrections.ApplyBeforeAsync(clusterer, analyzer, long.MaxValue, cancellationToken).ConfigureAwait(false);
            foreach (var follower in options.Followers) await follower.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var stats = new PlacerStats(restored, replayed, 0, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero);
            placer = new StoryPlacer(store, analyzer, options, writeLock, clusterer, stats, placedBefore + replayed, lastId);
            // The last placement made the look due and nothing was recorded after it: the run stopped between its commit and
            // its look (a look that split nothing leaves no trace either). Taken now, as that run would have taken it.
            if (lookDue) await placer.TakeLookAsync(cancellationToken).ConfigureAwait(false);
            return placer;
        }
        catch
        {
            if (placer is not null) await placer.DisposeAsync().ConfigureAwait(false);
            else await writeLock.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The clusterer of the stored checkpoint, or null when there is none usable.</summary>
    private static async Task<StoryClusterer?> TryRestoreAsync(
        IPlacementStore store, ClustererCheckpoint? checkpoint, string fingerprint, StoryClustererOptions? options, CancellationToken cancellationToken)
    {
        if (checkpoint is null
            || !StoryClusterer.CanRestoreVersion(checkpoint.FormatVersion)
            || checkpoint.OptionsFingerprint != fingerprint
            || checkpoint.ChangeSequence <= 0
            || await store.CountPlacedUpToAsync(checkpoint.ChangeSequence, cancellationToken).ConfigureAwait(false) != checkpoint.ArticleCount)
        {
            return null;
        }
        try
        {
            return StoryClusterer.Restore(checkpoint.Snapshot, options);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Takes articles in input order; returns, per article, whether it is new (false: placed already, or earlier in the input).</summary>
    /// <remarks>New articles enter the reorder window; those it releases are placed, and a full or old batch is committed.
    /// An article is stored only with its placement, when its batch commits.</remarks>
    public async Task<IReadOnlyList<bool>> SubmitAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var isNew = new bool[articles.Count];
        if (articles.Count == 0) return isNew;
        IReadOnlySet<string>? placed = null;
        if (_lookUpStore)
        {
            // The store's connection is not shared with a commit in flight.
            await _inFlight.ConfigureAwait(false);
            placed = await _store.FindPlacedAsync([.. articles.Select(static a => a.Id)], cancellationToken).ConfigureAwait(false);
        }
        var duplicates = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            isNew[i] = placed?.Contains(article.Id) != true && await TakeAsync(article.Id, cancellationToken).ConfigureAwait(false);
            if (!isNew[i])
            {
                duplicates++;
                continue;
            }
            _order.Push(article, _due);
        }
        _stats = _stats with { Duplicates = _stats.Duplicates + duplicates };
        await PlaceDueAsync(cancellationToken).ConfigureAwait(false);
        if (_batch.Articles.Count > 0 && _batch.Age.ElapsedMilliseconds >= _options.BatchMs) await CommitAsync(false, cancellationToken).ConfigureAwait(false);
        return isNew;
    }

    /// <summary>Whether <paramref name="id"/> is new to this run (and the store, when the hash says it may not be); takes it if so.</summary>
    private async ValueTask<bool> TakeAsync(string id, CancellationToken cancellationToken)
    {
        if (_pending.Contains(id)) return false;
        var hash = IdHash(id);
        if (_taken.Contains(hash))
        {
            await _inFlight.ConfigureAwait(false);
            if ((await _store.FindPlacedAsync([id], cancellationToken).ConfigureAwait(false)).Count > 0) return false;
        }
        _taken.Add(hash);
        _pending.Add(id);
        return true;
    }

    /// <summary>FNV-1a over the id's chars: stable across processes (string hash codes are not) and cheap.</summary>
    private static ulong IdHash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    /// <summary>Places everything still in the window, commits it, saves a checkpoint when anything was placed since the last, and waits for the store.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        _order.Flush(_due);
        await PlaceDueAsync(cancellationToken).ConfigureAwait(false);
        await CommitAsync(_sinceCheckpointArticles > 0, cancellationToken, follow: true).ConfigureAwait(false);
        await _inFlight.ConfigureAwait(false);
    }

    /// <summary>Places everything in the reorder window and commits it, waiting for the store and the followers: every article taken before the call is stored when it returns.</summary>
    /// <remarks>For a writer that acknowledges what it took (the HTTP API says "stored" only after the commit). Placement
    /// order is then kept within what arrived since the last flush, not across the whole window; no checkpoint is forced
    /// (the usual schedule applies), so a flush costs one transaction.</remarks>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        _order.Flush(_due);
        await PlaceDueAsync(cancellationToken).ConfigureAwait(false);
        await CommitAsync(false, cancellationToken, follow: true).ConfigureAwait(false);
        await _inFlight.ConfigureAwait(false);
    }

    /// <summary>
    /// Places everything in the reorder window and commits it, returning once the commit is in the store: every article taken
    /// before the call is stored when it returns, while the followers (search index, story views, alerts) may still be
    /// catching up with it on the placer's connection.
    /// </summary>
    /// <remarks>For a writer that acknowledges what it took without making its caller wait for the followers (a POST waited
    /// for the search index and the story views before). The next use of the store, by the placer or through
    /// <see cref="CommitPlacedAsync"/>, still waits for them; read what was committed on another connection meanwhile.</remarks>
    public async Task FlushStoredAsync(CancellationToken cancellationToken = default)
    {
        _order.Flush(_due);
        await PlaceDueAsync(cancellationToken).ConfigureAwait(false);
        await CommitAsync(false, cancellationToken).ConfigureAwait(false);
        await _stored.ConfigureAwait(false);
    }

    /// <summary>Waits for a commit in flight and lets the next writer in; what was not completed is not stored.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _inFlight.ConfigureAwait(false);
        }
        finally
        {
            await _lock.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task PlaceDueAsync(CancellationToken cancellationToken)
    {
        // Analysis (stemming) is pure and the analyzer thread-safe; clustering is one thread. So the next chunk is analysed on
        // the thread pool while this one is clustered: at the end of a stream the whole reorder window is placed at once, and
        // one core would otherwise do all of it.
        var chunks = _due.Chunk(AnalysisChunk).ToArray();
        var next = chunks.Length > 0 ? AnalyzeAsync(chunks[0]) : null;
        for (var c = 0; c < chunks.Length; c++)
        {
            var analyzed = await next!.ConfigureAwait(false);
            next = c + 1 < chunks.Length ? AnalyzeAsync(chunks[c + 1]) : null;
            for (var i = 0; i < chunks[c].Length; i++)
            {
                var article = chunks[c][i];
                _placing.Start();
                var result = _clusterer.Add(article, analyzed[i].Title, analyzed[i].Body);
                _placing.Stop();
                _batch.Add(article, result);
                _placedTotal++;
                _sinceCheckpointArticles++;
                _lastArticleId = article.Id;
                _stats = _stats with { Placed = _stats.Placed + 1 };
                OnPlaced?.Invoke(article, result);
                // The look first: a checkpoint made by the commit then never holds a look due and not taken.
                await LookAgainAsync(cancellationToken).ConfigureAwait(false);
                if (_batch.Articles.Count >= _options.BatchArticles) await CommitAsync(false, cancellationToken).ConfigureAwait(false);
            }
        }
        _due.Clear();
    }

    /// <summary>Articles analysed ahead of clustering at a time; bounds the analysed text held to twice this many articles.</summary>
    private const int AnalysisChunk = 32;

    private Task<(AnalyzedText Title, AnalyzedText Body)[]> AnalyzeAsync(Article[] articles) =>
        Task.Run(() => Array.ConvertAll(articles, article => Analyze(_analyzer, article)));

    /// <summary>Hands the batch to the store (after the one in flight), with a checkpoint when one is due or <paramref name="forceCheckpoint"/>.</summary>
    /// <remarks>The followers catch up after the commit when <see cref="StoryPlacerOptions.FollowEveryArticles"/> articles were
    /// committed since they last did, or when <paramref name="follow"/> asks (a flush, the end of a run).</remarks>
    private async Task CommitAsync(bool forceCheckpoint, CancellationToken cancellationToken, bool follow = false)
    {
        var batch = _batch;
        _batch = new Batch();
        var checkpointDue = forceCheckpoint
            || _sinceCheckpointArticles >= _options.CheckpointEveryArticles
            || (_sinceCheckpointArticles > 0 && _sinceCheckpoint.Elapsed.TotalSeconds >= _options.CheckpointEverySeconds
                && _sinceCheckpoint.Elapsed >= CheckpointTimeShare * _lastCheckpointTime);
        ClustererCheckpoint? checkpoint = null;
        if (checkpointDue && _lastArticleId is not null)
        {
            var clock = Stopwatch.StartNew();
            checkpoint = new ClustererCheckpoint(
                StoryClusterer.SnapshotFormatVersion, _fingerprint, _placedTotal, _lastArticleId, _clusterer.CreateSnapshot());
            _lastCheckpointTime = clock.Elapsed;
            _stats = _stats with
            {
                CheckpointSaves = _stats.CheckpointSaves + 1,
                CheckpointBytes = _stats.CheckpointBytes + checkpoint.Snapshot.Length,
                CheckpointTime = _stats.CheckpointTime + clock.Elapsed,
            };
            _sinceCheckpointArticles = 0;
            _sinceCheckpoint.Restart();
        }
        foreach (var article in batch.Articles) _pending.Remove(article.Id);
        _sinceFollowArticles += batch.Articles.Count;
        var followNow = follow || _options.FollowEveryArticles <= 0 || _sinceFollowArticles >= _options.FollowEveryArticles;
        if (batch.Articles.Count == 0 && checkpoint is null)
        {
            // Nothing to commit, but commits before this one may not have been followed yet.
            if (follow && _sinceFollowArticles > 0 && _options.Followers.Count > 0)
            {
                await _inFlight.ConfigureAwait(false);
                _sinceFollowArticles = 0;
                _inFlight = FollowAsync(Task.CompletedTask, cancellationToken);
            }
            return;
        }
        await _inFlight.ConfigureAwait(false);
        _stats = _stats with { Commits = _stats.Commits + 1 };
        var placements = batch.ToPlacementBatch() with { OutletPairings = _options.Outlets?.TakeUnsaved() ?? [] };
        var stored = Task.Run(async () =>
        {
            await _store.CommitAsync(placements, cancellationToken).ConfigureAwait(false);
            if (checkpoint is not null)
            {
                // Written on its own after the articles, so its cost can be told apart; it reflects the same changes.
                var clock = Stopwatch.StartNew();
                await _store.CommitAsync(new PlacementBatch([], [], [], [], checkpoint), cancellationToken).ConfigureAwait(false);
                _checkpointCommitTime += clock.Elapsed;
            }
        }, cancellationToken);
        _stored = stored;
        if (followNow) _sinceFollowArticles = 0;
        _inFlight = followNow ? FollowAsync(stored, cancellationToken) : stored;
    }

    /// <summary>Catches the followers up once <paramref name="stored"/> is committed; not when it failed.</summary>
    private async Task FollowAsync(Task stored, CancellationToken cancellationToken)
    {
        await stored.ConfigureAwait(false);
        foreach (var follower in _options.Followers) await follower.CatchUpAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one place a stored article becomes clusterer input again: placed where the store has it, or decided again when the store does not say.</summary>
    private static ClusteringResult Replay(StoryClusterer clusterer, ITextAnalyzer analyzer, PlacedArticle placed)
    {
        var (title, body) = Analyze(analyzer, placed.Article);
        return placed.Assignment is { } assignment
            ? clusterer.Replay(new AnalyzedArticle(placed.Article, title, body), assignment, placed.Merges ?? [])
            : clusterer.Add(placed.Article, title, body);
    }

    /// <summary>The clusterer input of an article: its token layers (made now for an article read back from the store), analysed.</summary>
    private static (AnalyzedText Title, AnalyzedText Body) Analyze(ITextAnalyzer analyzer, Article article)
    {
        var tokens = ArticleTokens.Of(article);
        return (analyzer.Analyze(tokens.Title, article.Language), analyzer.Analyze(tokens.Body, article.Language));
    }

    /// <summary>One commit's worth of placed articles; handed to the store whole, so never reused.</summary>
    private sealed class Batch
    {
        private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);
        private readonly List<StoryAssignment> _assignments = [];
        private readonly List<StoryMerge> _merges = [];
        private readonly List<ArticleSupersession> _supersessions = [];

        public List<Article> Articles { get; } = [];

        public Stopwatch Age { get; } = Stopwatch.StartNew();

        public void Add(Article article, ClusteringResult result)
        {
            Articles.Add(article);
            _assignments.Add(result.Assignment);
            foreach (var story in result.ChangedStories) _stories[story.Id] = story;
            _merges.AddRange(result.Merges);
            if (article.Revises is { } earlier && !string.Equals(earlier, article.Id, StringComparison.Ordinal)) _supersessions.Add(new(earlier, article.Id));
        }

        public PlacementBatch ToPlacementBatch() => new(Articles, _assignments, [.. _stories.Values], _merges) { Supersessions = _supersessions };
    }
}
