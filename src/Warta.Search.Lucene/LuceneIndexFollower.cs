using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The search index's one writer: kept in step with the store from its change sequence by the placer that writes the store.</summary>
/// <remarks>
/// <para>The last change applied is kept in the Lucene commit's user data, so the index and its position commit together:
/// after a crash between the store's commit and the index's, the next <see cref="CatchUpAsync"/> resumes from the index's
/// own commit and nothing is missing or applied twice (re-indexing an article replaces it by id).</para>
/// <para>While changes keep coming (a server taking POSTs, a feed watcher), the index commits at most every
/// <see cref="CommitInterval"/>: each commit flushes what was applied into a new segment and syncs it, and under a steady
/// stream those small segments were merged again and again (half of a server's allocations at 50 POSTs a second). What
/// was applied and not committed is committed by a timer once the interval has passed, and when the follower is disposed;
/// a crash loses only that tail, which the next catch-up applies again from the store.</para>
/// <para>Changes: an added or placed article is (re)indexed with its story; a merge moves the absorbed story's articles to
/// the story that absorbed it; a deletion, or an article superseded by a later revision of its page, deletes. The <see cref="IndexWriter"/> (and Lucene's <c>write.lock</c>) is taken
/// on the first catch-up, under the store's write lock.</para>
/// </remarks>
public sealed class LuceneIndexFollower : IChangeFollower
{
    /// <summary>Changes read from the store at a time.</summary>
    public const int ChangesPerRead = 500;

    /// <summary>Changes applied between two index commits on a long catch-up of an index that holds articles already, so a crash loses little.</summary>
    public const int ChangesPerCommit = 50_000;

    /// <summary>Changes applied between two index commits while a catch-up fills an empty index (the first catch-up of a
    /// store, a rebuild): a crash then loses at most a minute or two of indexing, which the next start applies again.</summary>
    /// <remarks>Each commit flushes every in-memory segment, and every flushed segment is merged again later: at 300,000
    /// articles, with <see cref="FillRamBufferMB"/>, 4 segments and 1,490–1,524 articles per CPU second against 6 and
    /// 1,242–1,372 committing every <see cref="ChangesPerCommit"/> with 64 MB (`warta bench search --index-only`, 2 cores).</remarks>
    public const int ChangesPerFillCommit = 400_000;

    /// <summary><see cref="ChangesPerFillCommit"/>, smaller in tests.</summary>
    internal int FillCommitEvery { get; init; } = ChangesPerFillCommit;

    /// <summary>The writer's memory for in-memory segments (Lucene flushes the largest when they outgrow it).</summary>
    private const double RamBufferMB = 64;

    /// <summary>The same while a catch-up fills an empty index: fewer, larger segments to merge, for ~60 MB more at peak.</summary>
    private const double FillRamBufferMB = 256;

    /// <summary>Changes before the store's last at which a long catch-up shrinks the writer's buffer to <see cref="TailRamBufferMB"/>.</summary>
    /// <remarks>The in-memory segments are then flushed by the worker threads, each its own, while they index the last
    /// articles, instead of by the last commit on one thread while the other cores wait (the last eleven seconds of
    /// `warta bench search --articles 1000000`).</remarks>
    private const int TailChanges = 4 * ChangesPerRead;

    /// <summary>The writer's buffer for the last <see cref="TailChanges"/> of a catch-up whose buffer holds more than it.</summary>
    private const double TailRamBufferMB = 16;

    /// <summary>Articles of one read from which they are indexed on the worker threads (fewer are not worth the hand-off).</summary>
    private const int ParallelFrom = 8;

    private readonly string _folder;
    private readonly IChangeLog _changes;
    private readonly IArticleReader _articles;
    private readonly WartaLuceneAnalyzer _analyzer;
    private readonly IStoryReader? _stories;
    private readonly ISourceStateStore? _standing;
    // Taken by a catch-up and by the timed commit, so that a commit never records a position half applied.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Timer _commitTimer;
    private readonly System.Diagnostics.Stopwatch _sinceCommit = new();
    private bool _uncommitted;
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private long _sequence;

    // While a catch-up fills an empty index (the first one, or a rebuild), the ordinal hash codes of the articles it added:
    // an article not among them cannot be in the index, so it is added without a delete by id (Lucene applies each
    // such delete by looking the id up in every segment, a cost that grows with the index). A hash shared by two ids only
    // costs the delete back. Null when the catch-up started on a non-empty index.
    private HashSet<int>? _addedToEmpty;

    // One thread per core indexing what a catch-up reads (Warta's analysis is about half the CPU time of indexing an article,
    // and the writer indexes on several threads at once, one in-memory segment each). Drained before anything that needs
    // every queued article in the index, and at the end of every catch-up.
    private readonly IndexingWorkers<(Article Article, string? Story, bool Replace)> _workers;

    /// <param name="folder">The index folder (<see cref="SearchIndexLocation.For"/>); created when missing.</param>
    /// <param name="changes">The store's change sequence.</param>
    /// <param name="articles">The store's articles, read when a change names them.</param>
    /// <param name="analyzer">The process's text analysis.</param>
    /// <param name="stories">The store's stories: a merge then moves the absorbed story's articles as the store lists them.
    /// Without it they are looked up in the index, which takes a near-real-time reader, and so a flushed segment, per merge.</param>
    /// <param name="standing">The store's record of superseded revisions, which the index does not hold (with <paramref name="stories"/>).</param>
    public LuceneIndexFollower(string folder, IChangeLog changes, IArticleReader articles, ITextAnalyzer analyzer,
        IStoryReader? stories = null, ISourceStateStore? standing = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(analyzer);
        _folder = folder;
        _changes = changes;
        _articles = articles;
        _analyzer = new WartaLuceneAnalyzer(analyzer);
        _stories = standing is null ? null : stories;
        _standing = stories is null ? null : standing;
        _commitTimer = new Timer(static state => ((LuceneIndexFollower)state!).CommitDue(), this, Timeout.Infinite, Timeout.Infinite);
        _workers = new(item => Index(_writer!, item), static item => item.Article.Id, Math.Max(1, Environment.ProcessorCount));
    }

    /// <summary>The least time between two commits of a catch-up that applied changes (the first always commits); zero commits after every catch-up.</summary>
    /// <remarks>Searches in this process through <see cref="OpenSearch"/> see what was applied at once; a reader of the index
    /// folder (another process, <c>warta serve</c>'s search) sees it at the next commit, so within this interval.</remarks>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(5);

    public string Name => "search index";

    /// <summary>Near-real-time readers opened to look up what the index holds (each one flushes what was applied into a segment).</summary>
    internal int ReadersOpened { get; private set; }

    /// <summary>The last store change the index holds (committed).</summary>
    public long Sequence => _sequence;

    /// <summary>Articles the index holds, with what was applied but not yet committed.</summary>
    public int Count => Writer().NumDocs;

    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpHeldAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CatchUpHeldAsync(CancellationToken cancellationToken)
    {
        var writer = Writer();
        var filling = writer.MaxDoc == 0;
        _addedToEmpty = filling ? [] : null;
        var perCommit = filling ? FillCommitEvery : ChangesPerCommit;
        if (filling) writer.Config.RAMBufferSizeMB = FillRamBufferMB;
        // Articles added whose placement has not been read yet: the store writes a commit's additions before its
        // placements, so a read of ChangesPerRead changes often ends between the two. They wait for the next read instead
        // of each being looked up in the index (an NRT reader per article, which flushed a segment per article: most of the
        // memory and the system time of a 20,000-page ingest).
        var unplaced = new Dictionary<string, string?>(StringComparer.Ordinal);
        var read = _sequence;
        var applied = 0;
        var last = await _changes.LatestSequenceAsync(cancellationToken).ConfigureAwait(false);
        // A long catch-up's commit runs beside the indexing of the next changes: a commit flushes every in-memory segment
        // on the one thread that commits, and the other cores waited for it (a sixth of the CPU time of filling an index).
        // Documents indexed while it runs are not in it; the position it records covers only what was applied before.
        Task<long>? committing = null;
        try
        {
            while (true)
            {
                var changes = await _changes.ChangesSinceAsync(read, ChangesPerRead, cancellationToken).ConfigureAwait(false);
                if (changes.Count == 0) break;
                if (last - changes[^1].Sequence <= TailChanges && writer.RamSizeInBytes() > TailRamBufferMB * 1024 * 1024 && writer.Config.RAMBufferSizeMB > TailRamBufferMB)
                {
                    writer.Config.RAMBufferSizeMB = TailRamBufferMB;
                }
                await ApplyAsync(writer, changes, unplaced, cancellationToken).ConfigureAwait(false);
                read = changes[^1].Sequence;
                applied += changes.Count;
                if (applied >= perCommit)
                {
                    await IndexUnplacedAsync(writer, unplaced, cancellationToken).ConfigureAwait(false);
                    // The commit records `read`: everything read so far must be in the writer before it starts.
                    await _workers.DrainAsync().ConfigureAwait(false);
                    if (committing is not null) _sequence = await committing.ConfigureAwait(false);
                    var position = read;
                    // A thread of its own: the pool's threads are busy indexing, and a commit takes seconds.
                    committing = Task.Factory.StartNew(() => Commit(writer, position), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    applied = 0;
                }
            }
        }
        finally
        {
            try
            {
                await _workers.DrainAsync().ConfigureAwait(false);
            }
            finally
            {
                if (committing is not null) _sequence = await committing.ConfigureAwait(false);
                writer.Config.RAMBufferSizeMB = RamBufferMB;
            }
        }
        await IndexUnplacedAsync(writer, unplaced, cancellationToken).ConfigureAwait(false);
        await _workers.DrainAsync().ConfigureAwait(false);
        _sequence = read;
        _addedToEmpty = null;
        if (applied == 0) return;
        _uncommitted = true;
        var wait = CommitInterval - _sinceCommit.Elapsed;
        if (!_sinceCommit.IsRunning || wait <= TimeSpan.Zero) Commit(writer);
        else _commitTimer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timer's commit of what the last catch-ups applied; a failure leaves it for the next catch-up or the disposal.</summary>
    private void CommitDue()
    {
        _gate.Wait();
        try
        {
            if (_uncommitted && _writer is { } writer) Commit(writer);
        }
#pragma warning disable CA1031 // A timer thread has no caller to tell; the store still holds every change and the next commit takes them.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Empties the index and indexes the whole store again from its first change; run under the store's write lock.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var writer = Writer();
            writer.DeleteAll();
            _sequence = 0;
            Commit(writer);
            await CatchUpHeldAsync(cancellationToken).ConfigureAwait(false);
            if (_uncommitted) Commit(writer);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A near-real-time search over this writer: sees every catch-up as soon as it is applied.</summary>
    /// <param name="stories">As <see cref="LuceneSearchIndex.TryOpen"/>'s.</param>
    /// <param name="articles">As <see cref="LuceneSearchIndex.TryOpen"/>'s: the store snippets read article texts from.</param>
    public LuceneSearchIndex OpenSearch(IStoryReader? stories = null, IArticleReader? articles = null) =>
        new(new SearcherManager(Writer(), true, IndexScoring.Searchers), null, _analyzer.TextAnalyzer, stories, articles);

    public void Dispose()
    {
        // No timed commit runs after this (a running one is waited for).
        using (var stopped = new ManualResetEvent(false))
        {
            if (_commitTimer.Dispose(stopped)) stopped.WaitOne();
        }
        // What was applied is committed with the position it was applied from (IndexWriter.Dispose waits for merges).
        if (_writer is not null && _uncommitted) Commit(_writer);
        _writer?.Dispose();
        _writer = null;
        _gate.Dispose();
        _directory?.Dispose();
        _directory = null;
        _analyzer.Dispose();
    }

    private IndexWriter Writer()
    {
        if (_writer is not null) return _writer;
        System.IO.Directory.CreateDirectory(_folder);
        _directory = FSDirectory.Open(_folder);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Indexing a batch of a few hundred articles at a time: a larger buffer means fewer, larger segments.
            RAMBufferSizeMB = RamBufferMB,
            // One in-memory segment per indexing thread (one per core, IndexAsync) rather than Lucene's default 8: the
            // pool's threads change between batches, and each new thread state is one more small segment to flush and merge.
            MaxThreadStates = Math.Max(1, Environment.ProcessorCount),
            // Compound files copy every flushed and merged segment once more into one file; the index folder is Warta's
            // own, so the saved file handles are not worth that copy.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
            Similarity = IndexScoring.Similarity,
        };
        _writer = new IndexWriter(_directory, config);
        _sequence = LuceneSearchIndex.SequenceOf(_writer.CommitData);
        if (_writer.MaxDoc > 0 && !(_writer.CommitData?.TryGetValue(IndexFields.FormatKey, out var format) == true && format == IndexFields.Format))
        {
            // Documents of another layout (an older Warta's): the index is filled again from the store's first change,
            // as `warta index rebuild` would.
            _writer.DeleteAll();
            _sequence = 0;
            Commit(_writer);
        }
        return _writer;
    }

    private void Commit(IndexWriter writer) => Commit(writer, _sequence);

    /// <summary>Commits what was applied, recording <paramref name="sequence"/> as the last change the index holds; returns it.</summary>
    private long Commit(IndexWriter writer, long sequence)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [IndexFields.SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
            [IndexFields.FormatKey] = IndexFields.Format,
        });
        writer.Commit();
        _uncommitted = false;
        _sinceCommit.Restart();
        return sequence;
    }

    /// <summary>Applies one read of changes; an article added without its placement in this read is left in <paramref name="unplaced"/>.</summary>
    private async Task ApplyAsync(IndexWriter writer, IReadOnlyList<StoreChange> changes, Dictionary<string, string?> unplaced, CancellationToken cancellationToken)
    {
        // Article id → story id (null: not placed yet); an article added and placed in one read is indexed once.
        var pending = unplaced;
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case StoreChangeKind.ArticleAdded:
                    pending.TryAdd(change.ArticleId, null);
                    break;
                case StoreChangeKind.ArticlePlaced:
                    pending[change.ArticleId] = change.StoryId;
                    break;
                case StoreChangeKind.ArticleDeleted:
                case StoreChangeKind.ArticleSuperseded:
                    // A superseded revision stays stored, folded under the latest, but search finds the page's current text only.
                    pending.Remove(change.ArticleId);
                    // A delete reaches only the documents added before it: one still queued must be in first.
                    if (_workers.Holds(change.ArticleId)) await _workers.DrainAsync().ConfigureAwait(false);
                    writer.DeleteDocuments(ArticleDocuments.IdTerm(change.ArticleId));
                    break;
                case StoreChangeKind.StoriesMerged when change.FromStoryId is not null && change.StoryId is not null:
                    // The absorbed story's articles must be in the index before they can be moved; one added but not
                    // placed yet is not in it, and keeps waiting for its placement.
                    await IndexPlacedAsync(writer, pending, cancellationToken).ConfigureAwait(false);
                    await MoveStoryAsync(writer, change.FromStoryId, change.StoryId, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    break;
            }
        }
        await IndexPlacedAsync(writer, pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Indexes the pending articles whose placement is known and removes them from <paramref name="pending"/>.</summary>
    private async Task IndexPlacedAsync(IndexWriter writer, Dictionary<string, string?> pending, CancellationToken cancellationToken)
    {
        var placed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (id, story) in pending)
        {
            if (story is not null) placed.Add(id, story);
        }
        foreach (var id in placed.Keys) pending.Remove(id);
        await IndexAsync(writer, placed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Indexes articles added without a placement (an article stored again): each keeps the story the index has for it, looked up with one reader.</summary>
    private async Task IndexUnplacedAsync(IndexWriter writer, Dictionary<string, string?> unplaced, CancellationToken cancellationToken)
    {
        if (unplaced.Count == 0) return;
        // The reader below must see every article queued so far.
        await _workers.DrainAsync().ConfigureAwait(false);
        var stories = StoriesInIndex(writer, unplaced.Keys);
        foreach (var id in stories.Keys) unplaced[id] = stories[id];
        await IndexAsync(writer, unplaced, cancellationToken).ConfigureAwait(false);
        unplaced.Clear();
    }

    private async Task IndexAsync(IndexWriter writer, Dictionary<string, string?> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0) return;
        var articles = await _articles.GetArticlesAsync(pending.Keys, cancellationToken).ConfigureAwait(false);
        // Decided here, in order, so the parallel part below touches no shared state but the (thread-safe) writer.
        var work = new (Article Article, string? Story, bool Replace)[articles.Count];
        for (var i = 0; i < work.Length; i++)
        {
            var article = articles[i];
            var replace = _addedToEmpty is null || !_addedToEmpty.Add(StringComparer.Ordinal.GetHashCode(article.Id));
            work[i] = (article, pending[article.Id], replace);
        }
        if (work.Length < ParallelFrom && !_workers.Running)
        {
            foreach (var item in work) Index(writer, item);
            return;
        }
        foreach (var item in work) await _workers.AddAsync(item, cancellationToken).ConfigureAwait(false);
    }

    private void Index(IndexWriter writer, (Article Article, string? Story, bool Replace) item)
    {
        var document = ArticleDocuments.Create(item.Article, item.Story, analyzer: _analyzer.TextAnalyzer);
        if (item.Replace) writer.UpdateDocument(ArticleDocuments.IdTerm(item.Article.Id), document);
        else writer.AddDocument(document);
    }

    /// <summary>The stories the index has for those of <paramref name="articleIds"/> it holds (an article stored again keeps its placement).</summary>
    private Dictionary<string, string?> StoriesInIndex(IndexWriter writer, IEnumerable<string> articleIds)
    {
        var stories = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var reader = DirectoryReader.Open(writer, true);
        ReadersOpened++;
        var searcher = new IndexSearcher(reader);
        foreach (var id in articleIds)
        {
            var top = searcher.Search(new TermQuery(ArticleDocuments.IdTerm(id)), 1);
            if (top.ScoreDocs.Length > 0) stories[id] = searcher.Doc(top.ScoreDocs[0].Doc).Get(IndexFields.Story, CultureInfo.InvariantCulture);
        }
        return stories;
    }

    private async Task MoveStoryAsync(IndexWriter writer, string from, string to, CancellationToken cancellationToken)
    {
        // The absorbed story's articles are read from the index (or moved by id): every one queued must be in it.
        await _workers.DrainAsync().ConfigureAwait(false);
        var ids = _stories is null ? MembersInIndex(writer, from) : await MembersInStoreAsync(from, cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0) return;
        var moved = ids.ToDictionary(static id => id, _ => (string?)to, StringComparer.Ordinal);
        await IndexAsync(writer, moved, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The articles the store has in <paramref name="story"/> and the stories merged into it before, less superseded
    /// revisions: those the index holds with that story (a deleted article has no placement left).</summary>
    private async Task<List<string>> MembersInStoreAsync(string story, CancellationToken cancellationToken)
    {
        var merges = await _stories!.ListMergesOfAsync(story, cancellationToken).ConfigureAwait(false);
        var stories = new List<string> { story };
        var seen = new HashSet<string>(StringComparer.Ordinal) { story };
        for (var i = 0; i < stories.Count; i++)
        {
            foreach (var merge in merges)
            {
                if (string.Equals(merge.IntoStoryId, stories[i], StringComparison.Ordinal) && seen.Add(merge.FromStoryId)) stories.Add(merge.FromStoryId);
            }
        }
        var members = (await _stories.ListStoryMembersAsync(stories, cancellationToken).ConfigureAwait(false)).Select(static m => m.ArticleId).ToList();
        if (members.Count == 0) return members;
        var standing = await _standing!.StandingOfAsync(members, cancellationToken).ConfigureAwait(false);
        return [.. members.Where(id => standing.GetValueOrDefault(id)?.SupersededBy is null)];
    }

    private List<string> MembersInIndex(IndexWriter writer, string from)
    {
        List<string> ids;
        using (var reader = DirectoryReader.Open(writer, true))
        {
            ReadersOpened++;
            var searcher = new IndexSearcher(reader);
            var top = searcher.Search(new TermQuery(new Term(IndexFields.Story, from)), Math.Max(1, reader.MaxDoc));
            ids = [.. top.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(IndexFields.Id, CultureInfo.InvariantCulture))];
        }
        return ids;
    }
}
