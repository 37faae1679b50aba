using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Core.Storage;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The Lucene search index read side: articles, stories, counts per period and export over a near-real-time searcher.</summary>
/// <remarks>Opened read-only on the index folder (<see cref="TryOpen"/>; takes no lock, so it runs beside the writer), or on the
/// writer itself (<see cref="LuceneIndexFollower.OpenSearch"/>) to see what the placer just committed. Each call refreshes the
/// searcher first, so a long-lived instance (a server) follows the writer's commits.</remarks>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    /// <summary>Length in characters of a hit's snippet.</summary>
    public const int SnippetChars = 160;

    /// <summary>Days over which a story's freshness halves relative to the newest match (30: a month-old story counts half).</summary>
    public const double FreshnessHalfDays = 30;

    private const int ExportPage = 1000;

    /// <summary>Articles an index must hold before a broad query is scored on more than one core.</summary>
    /// <remarks>A common word's postings in a million articles are a few hundred thousand documents to score: tens of
    /// milliseconds on one core, about half on two (`warta bench search`, README). Below this size a query is a few
    /// milliseconds and handing half of it to another thread would cost more than it saves.</remarks>
    public const int ParallelFromArticles = 100_000;

    /// <summary>Cores a broad query is scored on at most.</summary>
    private static readonly int MaxSlices = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private readonly SearcherManager _searchers;
    private readonly global::Lucene.Net.Store.Directory? _ownedDirectory;
    private readonly Analyzer _analyzer;
    private readonly bool _ownsAnalyzer;
    private readonly LuceneQueryBuilder _builder;
    private readonly IStoryReader? _stories;
    private readonly IArticleReader? _articles;
    private readonly bool _nearRealTime;
    private long _lastRefresh;
    private ReaderBuckets? _bucketsOf;

    internal LuceneSearchIndex(SearcherManager searchers, global::Lucene.Net.Store.Directory? ownedDirectory, ITextAnalyzer analyzer, IStoryReader? stories,
        IArticleReader? articles, SearchAnalysis analysis = SearchAnalysis.Warta)
    {
        // Opened on a writer (no directory of its own): every call must see what the writer just applied.
        _nearRealTime = ownedDirectory is null;
        _searchers = searchers;
        _ownedDirectory = ownedDirectory;
        (_analyzer, _ownsAnalyzer) = analysis == SearchAnalysis.Warta ? (new WartaLuceneAnalyzer(analyzer), true) : (AnalyzedTerms.PlainAnalyzer, false);
        _builder = new LuceneQueryBuilder(analyzer, analysis);
        _stories = stories;
        _articles = articles;
        _lastRefresh = Environment.TickCount64;
    }

    /// <summary>Opens the index in <paramref name="folder"/> for reading; null when there is none yet.</summary>
    /// <param name="folder">The index folder (<see cref="SearchIndexLocation.For"/>).</param>
    /// <param name="analyzer">The text analysis the index was built with.</param>
    /// <param name="stories">When given, story hits carry the store's headline rather than their best article's title.</param>
    /// <param name="articles">The store the index follows, whose article texts hits' snippets are made from (the index does not
    /// store them). Without it a snippet is made from the title, or from the body an older index stored.</param>
    public static LuceneSearchIndex? TryOpen(string folder, ITextAnalyzer analyzer, IStoryReader? stories = null, IArticleReader? articles = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!System.IO.Directory.Exists(folder)) return null;
        var directory = FSDirectory.Open(folder);
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            return null;
        }
        return new LuceneSearchIndex(new SearcherManager(directory, IndexScoring.Searchers), directory, analyzer, stories, articles);
    }

    /// <summary>An index in memory over <paramref name="articles"/>, built as the store's index builds its documents: for
    /// evaluating relevance on a labeled set, where nothing is stored.</summary>
    /// <param name="articles">Each article with the story it is placed in (null: none).</param>
    /// <param name="analyzer">The process's text analysis.</param>
    /// <param name="analysis">Warta's analysis, or the plain baseline it is measured against.</param>
    public static LuceneSearchIndex BuildInMemory(IEnumerable<(Article Article, string? StoryId)> articles, ITextAnalyzer analyzer, SearchAnalysis analysis = SearchAnalysis.Warta)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(analyzer);
        var directory = new RAMDirectory();
        using (var indexAnalyzer = analysis == SearchAnalysis.Warta ? new WartaLuceneAnalyzer(analyzer) : null)
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, indexAnalyzer ?? AnalyzedTerms.PlainAnalyzer) { Similarity = IndexScoring.Similarity };
            using var writer = new IndexWriter(directory, config);
            foreach (var (article, story) in articles) writer.AddDocument(ArticleDocuments.Create(article, story, analysis == SearchAnalysis.Warta));
            writer.Commit();
        }
        return new LuceneSearchIndex(new SearcherManager(directory, IndexScoring.Searchers), directory, analyzer, null, null, analysis);
    }

    public long Sequence
    {
        get
        {
            var searcher = Acquire();
            try
            {
                return SequenceOf(((DirectoryReader)searcher.IndexReader).IndexCommit.UserData);
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Articles in the index (deleted ones not counted).</summary>
    public int Count
    {
        get
        {
            var searcher = Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Segments of the index the searcher reads (each query term is looked up in every one).</summary>
    public int Segments
    {
        get
        {
            var searcher = Acquire();
            try
            {
                return searcher.IndexReader.Leaves.Count;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public async Task<SearchResults<SearchHit>> SearchArticlesAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searcher = Acquire();
        var (text, filter, broad) = _builder.Build(query, BucketsOf(searcher), searcher.IndexReader);
        int total;
        List<Found> page;
        try
        {
            var wanted = Math.Max(1, query.Offset + query.Limit);
            TopDocs top;
            if (query.Sort == SearchSort.Relevance)
            {
                var rewritten = searcher.Rewrite(text);
                if (broad)
                {
                    top = RelevanceCollector.Search(searcher, rewritten, filter, wanted, SlicesFor(searcher.IndexReader));
                }
                else
                {
                    var collector = new RelevanceCollector(wanted);
                    searcher.Search(rewritten, filter, collector);
                    top = collector.TopDocs();
                }
            }
            else
            {
                top = searcher.Search(text, filter, wanted, SortOf(query.Sort), true, false);
            }
            total = top.TotalHits;
            page = Found.Of(new HitValues(searcher), top.ScoreDocs.Skip(query.Offset).Take(query.Limit), StoredBodies(query));
        }
        finally
        {
            _searchers.Release(searcher);
        }
        return new SearchResults<SearchHit>(total, await HitsAsync(page, query.Snippets ? text : null, cancellationToken).ConfigureAwait(false));
    }

    public async Task<SearchResults<StorySearchHit>> SearchStoriesAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searcher = Acquire();
        var (text, filter, _) = _builder.Build(query, BucketsOf(searcher), searcher.IndexReader);
        List<(string Story, StoryCollector.StoryTally Tally, float Score)> ranked;
        try
        {
            var collector = new StoryCollector();
            searcher.Search(text, filter, collector);
            var newest = collector.NewestTime;
            ranked = [.. collector.Stories
                .Select(s => (Story: s.Key, Tally: s.Value, Score: StoryScore(s.Value, newest)))
                .OrderByDescending(static s => s.Score)
                .ThenByDescending(static s => s.Tally.LatestTime)
                .ThenBy(static s => s.Story, StringComparer.Ordinal)];
            var page = new List<StorySearchHit>();
            var values = new HitValues(searcher);
            foreach (var (story, tally, score) in ranked.Skip(query.Offset).Take(query.Limit))
            {
                // Hit fields only for the stories shown, not for every story that matched.
                var best = values.Get(tally.BestDoc);
                var headline = best.Title;
                if (_stories is not null && await _stories.GetStoryAsync(story, cancellationToken).ConfigureAwait(false) is { } stored) headline = stored.Headline;
                var last = tally.LatestTime == IndexFields.UndatedTime ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(tally.LatestTime);
                page.Add(new StorySearchHit(story, headline, tally.Count, score, last, best.Id));
            }
            return new SearchResults<StorySearchHit>(ranked.Count, page);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public Task<IReadOnlyList<PeriodCount>> CountAsync(SearchQuery query, SearchPeriod period, bool byOutlet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searcher = Acquire();
        var (text, filter, _) = _builder.Build(query, BucketsOf(searcher), searcher.IndexReader);
        try
        {
            var collector = new PeriodCollector(byOutlet);
            searcher.Search(text, filter, collector);
            IReadOnlyList<PeriodCount> counts = [.. collector.Counts
                .GroupBy(c => (Start: PeriodStart(DateOnly.FromDayNumber(c.Key.Day), period), c.Key.Outlet))
                .Select(static g => new PeriodCount(g.Key.Start, g.Key.Outlet, g.Sum(static c => c.Value)))
                .OrderBy(static c => c.Start)
                .ThenBy(static c => c.Outlet, StringComparer.Ordinal)];
            return Task.FromResult(counts);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public async IAsyncEnumerable<SearchHit> ExportAsync(SearchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (text, filter, _) = _builder.Build(query);
        var sort = SortOf(query.Sort);
        ScoreDoc? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<Found> page;
            var searcher = Acquire();
            try
            {
                var top = after is null
                    ? searcher.Search(text, filter, ExportPage, sort, true, false)
                    : searcher.SearchAfter(after, text, filter, ExportPage, sort, true, false);
                if (top.ScoreDocs.Length == 0) yield break;
                after = top.ScoreDocs[^1];
                page = Found.Of(new HitValues(searcher), top.ScoreDocs, StoredBodies(query));
            }
            finally
            {
                _searchers.Release(searcher);
            }
            foreach (var hit in await HitsAsync(page, query.Snippets ? text : null, cancellationToken).ConfigureAwait(false)) yield return hit;
            if (page.Count < ExportPage) yield break;
            await Task.Yield();
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _ownedDirectory?.Dispose();
        if (_ownsAnalyzer) _analyzer.Dispose();
    }

    internal static long SequenceOf(IDictionary<string, string>? userData) =>
        userData is not null && userData.TryGetValue(IndexFields.SequenceKey, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;

    /// <summary>A story's rank: its best article's score plus a quarter of the others' (so many matches help, without
    /// letting a long story of weak matches beat a strong one), halved for every <see cref="FreshnessHalfDays"/> it is
    /// older than the newest match.</summary>
    private static float StoryScore(StoryCollector.StoryTally tally, long newest)
    {
        var relevance = tally.BestScore + 0.25f * (tally.SumScore - tally.BestScore);
        if (tally.LatestTime == IndexFields.UndatedTime || newest == IndexFields.UndatedTime) return relevance * 0.5f;
        var ageDays = (newest - tally.LatestTime) / 86_400_000.0;
        return (float)(relevance * Math.Pow(0.5, ageDays / FreshnessHalfDays));
    }

    /// <summary>How many parts a broad query's documents are scored in, each on its own thread.</summary>
    private static int SlicesFor(IndexReader reader) => reader.MaxDoc < ParallelFromArticles ? 1 : MaxSlices;

    private static DateOnly PeriodStart(DateOnly day, SearchPeriod period) =>
        period == SearchPeriod.Week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;

    private static Sort SortOf(SearchSort sort) => sort == SearchSort.Time
        ? new Sort(new SortField(IndexFields.TimeValues, SortFieldType.INT64, true), SortField.FIELD_SCORE)
        : new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.TimeValues, SortFieldType.INT64, true));

    /// <summary>The analysis buckets whose title or body fields the searcher's index holds: a query term is analysed and
    /// looked up in those only (an index of Indonesian articles is not searched for the term's English and unanalysed forms).</summary>
    private IReadOnlyList<string> BucketsOf(IndexSearcher searcher)
    {
        var known = _bucketsOf;
        if (known is not null && ReferenceEquals(known.Reader, searcher.IndexReader)) return known.Buckets;
        var fields = MultiFields.GetIndexedFields(searcher.IndexReader);
        IReadOnlyList<string> buckets = [.. IndexFields.Buckets.Where(b => fields.Contains(IndexFields.Title(b)) || fields.Contains(IndexFields.Body(b)))];
        _bucketsOf = new ReaderBuckets(searcher.IndexReader, buckets);
        return buckets;
    }

    private sealed record ReaderBuckets(IndexReader Reader, IReadOnlyList<string> Buckets);

    private IndexSearcher Acquire()
    {
        // On a folder, checking for a newer commit lists the directory: at most once a second, not on every query.
        var now = Environment.TickCount64;
        if (_nearRealTime || now - Interlocked.Read(ref _lastRefresh) >= 1000)
        {
            _searchers.MaybeRefresh();
            Interlocked.Exchange(ref _lastRefresh, now);
        }
        return _searchers.Acquire();
    }

    /// <summary>Whether a page of hits reads its snippets' bodies from the index: only when snippets are wanted and there is
    /// no store to read them from (an index in memory, or one opened without its store).</summary>
    private bool StoredBodies(SearchQuery query) => query.Snippets && _articles is null;

    /// <summary>A hit as read from the searcher, before its snippet is made.</summary>
    private readonly record struct Found(HitValues.Hit Hit, float Score, string? StoredBody)
    {
        public static List<Found> Of(HitValues values, IEnumerable<ScoreDoc> scored, bool storedBodies) =>
            [.. scored.Select(d =>
            {
                var hit = values.Get(d.Doc);
                var body = storedBodies ? values.Body(d.Doc, IndexFields.BucketOf(hit.Language)) : null;
                return new Found(hit, float.IsNaN(d.Score) ? 0 : d.Score, body);
            })];
    }

    /// <summary>The page's hits, each with its snippet when <paramref name="text"/> is given: the bodies come from the store,
    /// a page's in one read, after the searcher is released.</summary>
    private async Task<List<SearchHit>> HitsAsync(List<Found> page, Query? text, CancellationToken cancellationToken)
    {
        Dictionary<string, string>? bodies = null;
        if (text is not null && _articles is not null && page.Count > 0)
        {
            var ids = page.Select(static f => f.Hit.Id).ToHashSet(StringComparer.Ordinal);
            var articles = await _articles.GetArticlesAsync(ids, cancellationToken).ConfigureAwait(false);
            bodies = new Dictionary<string, string>(articles.Count, StringComparer.Ordinal);
            foreach (var article in articles) bodies.TryAdd(article.Id, article.Body);
        }
        var hits = new List<SearchHit>(page.Count);
        foreach (var (hit, score, storedBody) in page)
        {
            var snippet = "";
            if (text is not null)
            {
                // An article the store no longer has (the index not yet caught up with a deletion) gets its title's snippet.
                var body = (bodies is null ? storedBody : bodies.GetValueOrDefault(hit.Id)) ?? "";
                var bucket = IndexFields.BucketOf(hit.Language);
                snippet = Snippet(text, IndexFields.Body(bucket), body, bucket) ?? Snippet(text, IndexFields.Title(bucket), hit.Title, bucket) ?? Lead(body.Length > 0 ? body : hit.Title);
            }
            hits.Add(new SearchHit(hit.Id, hit.Title, hit.Outlet, hit.Language, hit.Published, hit.Story, score, snippet));
        }
        return hits;
    }

    private string? Snippet(Query query, string field, string text, string bucket)
    {
        if (text.Length == 0) return null;
        // Term scoring, not span scoring: QueryScorer builds an in-memory index of each body to check phrase positions,
        // which cost several milliseconds per query in `warta bench search`; a snippet only needs the words marked.
        var searched = QueryTermExtractor.GetTerms(query, false, field);
        var scorer = new QueryTermScorer(searched);
        // Fixed-size fragments: the span fragmenter lets a phrase match stretch a fragment over the whole body.
        var highlighter = new Highlighter(new SimpleHTMLFormatter("[", "]"), scorer) { TextFragmenter = new SimpleFragmenter(SnippetChars) };
        string? fragment;
        if (_analyzer is WartaLuceneAnalyzer warta)
        {
            // Only the words that can match are analysed (SnippetTerms); the snippet is the one full analysis would give.
            using var terms = new AnalyzedTokenStream(forms: false);
            terms.Set(SnippetTerms.Of(warta.TextAnalyzer, text, bucket, [.. searched.Select(static t => t.Term)]), text.Length);
            fragment = highlighter.GetBestFragment(terms, text);
        }
        else
        {
            fragment = highlighter.GetBestFragment(_analyzer, field, text);
        }
        return fragment is null ? null : OneLine(fragment);
    }

    private static string Lead(string text) => OneLine(text.Length <= SnippetChars ? text : text[..SnippetChars]);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimStart('.', ',', ';', ':', ' ');
}
