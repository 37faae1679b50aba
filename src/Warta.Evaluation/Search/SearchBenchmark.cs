using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Core.Storage;
using Warta.Search.Lucene;
using Warta.Text;

namespace Warta.Evaluation.Search;

/// <summary><c>warta bench search</c>: builds the Lucene index and an SQLite FTS5 table over the same generated articles and
/// times the same fixed queries (single words rare to common, two words, phrases, filtered) against both.</summary>
public static class SearchBenchmark
{
    private const int PerClass = 40;
    private const int VocabularySample = 2000;
    private const int GenerationBatch = 1000;

    /// <param name="sentences">The Indonesian sentences the articles are made of.</param>
    /// <param name="count">Articles to generate and index.</param>
    /// <param name="folder">Where both indexes are written.</param>
    /// <param name="analyzer">The process's text analysis.</param>
    /// <param name="reuse">Use the indexes a previous run left in <paramref name="folder"/> for the same count, if any, and
    /// time only the queries (the indexing rates are then reported as 0): a query change is measured in seconds, not in the
    /// minutes a million articles take to index.</param>
    /// <param name="indexOnly">Build the Lucene index only (no FTS5 table, no queries; FTS5 figures 0, no classes): to
    /// measure indexing alone.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<SearchBenchmarkReport> RunAsync(IReadOnlyList<string> sentences, int count, string folder, ITextAnalyzer analyzer, bool reuse = false,
        bool indexOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(analyzer);
        var generator = new BenchArticleGenerator(sentences);
        // The articles are generated when each engine asks for them (in parallel, as a store would read them), not held
        // in memory: a million of them would be gigabytes. Generating costs both engines the same; it is timed on its own.
        var sample = new Article[Math.Min(count, VocabularySample)];
        var generationCpu = CpuTime();
        for (var i = 0; i < sample.Length; i++) sample[i] = generator.Generate(i);
        var generationRate = sample.Length / (CpuTime() - generationCpu).TotalSeconds;

        var indexFolder = Path.Combine(folder, "bench.search");
        var ftsPath = Path.Combine(folder, "bench-fts5.db");
        var builtPath = Path.Combine(folder, "bench-articles.txt");
        var built = reuse && File.Exists(builtPath) && File.ReadAllText(builtPath).Trim() == count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        double luceneRate = 0, luceneCpuRate = 0, ftsRate = 0, ftsCpuRate = 0;
        var collector = CollectorWork.None;
        var clock = Stopwatch.StartNew();
        // The store the index follows, which the snippets read their article texts from: here the generator.
        var log = new GeneratedChangeLog(generator, count);
        if (!built)
        {
            // A half-written pair from an interrupted run is not reused.
            File.Delete(builtPath);
            if (System.IO.Directory.Exists(indexFolder)) System.IO.Directory.Delete(indexFolder, recursive: true);
            File.Delete(ftsPath);
            var cpu = CpuTime();
            var collected = CollectorWork.Now();
            using (var follower = new LuceneIndexFollower(indexFolder, log, log, analyzer))
            {
                await follower.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            }
            luceneRate = count / clock.Elapsed.TotalSeconds;
            luceneCpuRate = count / (CpuTime() - cpu).TotalSeconds;
            collector = CollectorWork.Now().Since(collected);
            if (indexOnly)
            {
                using var written = LuceneSearchIndex.TryOpen(indexFolder, analyzer) ?? throw new InvalidOperationException("the benchmark index was not written");
                using var self = Process.GetCurrentProcess();
                return new SearchBenchmarkReport(count, 0, luceneRate, 0, luceneCpuRate, 0, System.IO.Directory.EnumerateFiles(indexFolder).Sum(static f => new FileInfo(f).Length), 0, self.PeakWorkingSet64, [])
                {
                    GeneratedArticlesPerCpuSecond = generationRate,
                    LuceneSegments = written.Segments,
                    LuceneIndexingCollector = collector,
                };
            }

            clock.Restart();
            cpu = CpuTime();
            using (var building = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ftsPath, Pooling = false }.ToString()))
            {
                building.Open();
                BuildFts(building, generator, count);
            }
            ftsRate = count / clock.Elapsed.TotalSeconds;
            ftsCpuRate = count / (CpuTime() - cpu).TotalSeconds;
            File.WriteAllText(builtPath, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        using var fts = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ftsPath, Pooling = false }.ToString());
        fts.Open();

        var queries = ChooseQueries(sample, analyzer);
        using var index = LuceneSearchIndex.TryOpen(indexFolder, analyzer, articles: log) ?? throw new InvalidOperationException("the benchmark index was not written");
        using var ftsCommand = fts.CreateCommand();
        ftsCommand.CommandText = "SELECT rowid FROM docs WHERE docs MATCH $q AND ($o = '' OR outlet = $o) ORDER BY bm25(docs, 2.0, 1.0, 0.0) LIMIT 10";
        var match = ftsCommand.Parameters.Add("$q", SqliteType.Text);
        var outlet = ftsCommand.Parameters.Add("$o", SqliteType.Text);
        // Every query once on both engines before any is timed, then a collection: the first class timed must not pay for
        // compiling the query path or for the garbage indexing left behind.
        foreach (var query in queries)
        {
            await index.SearchArticlesAsync(query.Lucene, cancellationToken).ConfigureAwait(false);
            await index.SearchArticlesAsync(query.Lucene with { Snippets = false }, cancellationToken).ConfigureAwait(false);
            match.Value = query.Fts;
            outlet.Value = query.Lucene.Outlets.Count == 0 ? "" : query.Lucene.Outlets[0];
            using var reader = ftsCommand.ExecuteReader();
            while (reader.Read())
            {
            }
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var classes = new List<QueryClassLatency>();
        var timings = new List<QueryTiming>();
        foreach (var group in queries.GroupBy(static q => q.Class))
        {
            var lucene = new List<double>();
            var sqlite = new List<double>();
            var snippets = new List<double>();
            double hits = 0;
            (double Ms, string Query, int Hits, double Pause) slowest = (-1, "", 0, 0);
            var pauses = TimeSpan.Zero;
            TimeSpan luceneCpu = default, ftsCpu = default;
            foreach (var query in group)
            {
                clock.Restart();
                await index.SearchArticlesAsync(query.Lucene, cancellationToken).ConfigureAwait(false);
                var snippetMs = clock.Elapsed.TotalMilliseconds;
                var before = CpuTime();
                var paused = GC.GetTotalPauseDuration();
                clock.Restart();
                // Ranked ids and titles, as FTS5 gives ranked rowids; the run above adds the highlighted snippets.
                var found = await index.SearchArticlesAsync(query.Lucene with { Snippets = false }, cancellationToken).ConfigureAwait(false);
                var luceneMs = clock.Elapsed.TotalMilliseconds;
                var between = CpuTime();
                var pause = GC.GetTotalPauseDuration() - paused;
                pauses += pause;
                match.Value = query.Fts;
                outlet.Value = query.Lucene.Outlets.Count == 0 ? "" : query.Lucene.Outlets[0];
                clock.Restart();
                using (var reader = ftsCommand.ExecuteReader())
                {
                    while (reader.Read())
                    {
                    }
                }
                var ftsMs = clock.Elapsed.TotalMilliseconds;
                var after = CpuTime();
                luceneCpu += between - before;
                ftsCpu += after - between;
                lucene.Add(luceneMs);
                snippets.Add(snippetMs);
                sqlite.Add(ftsMs);
                hits += found.Total;
                timings.Add(new QueryTiming(group.Key, query.Fts, luceneMs, ftsMs, found.Total, pause.TotalMilliseconds));
                if (luceneMs > slowest.Ms) slowest = (luceneMs, query.Fts, found.Total, pause.TotalMilliseconds);
            }
            classes.Add(new QueryClassLatency(group.Key, lucene.Count, Percentile(lucene, 0.5), Percentile(lucene, 0.99), Percentile(sqlite, 0.5), Percentile(sqlite, 0.99),
                luceneCpu.TotalMilliseconds / lucene.Count, ftsCpu.TotalMilliseconds / lucene.Count, Percentile(snippets, 0.5), Percentile(snippets, 0.99), hits / lucene.Count)
            {
                SlowestQuery = slowest.Query,
                SlowestHits = slowest.Hits,
                SlowestGcPauseMs = slowest.Pause,
                LuceneGcPauseMs = pauses.TotalMilliseconds,
            });
        }
        var luceneBytes = Directory.EnumerateFiles(indexFolder).Sum(static f => new FileInfo(f).Length);
        fts.Close();
        var ftsBytes = new FileInfo(ftsPath).Length;
        using var process = Process.GetCurrentProcess();
        return new SearchBenchmarkReport(count, queries.Count, luceneRate, ftsRate, luceneCpuRate, ftsCpuRate, luceneBytes, ftsBytes, process.PeakWorkingSet64, classes)
        {
            GeneratedArticlesPerCpuSecond = generationRate,
            LuceneSegments = index.Segments,
            LuceneIndexingCollector = collector,
            Timings = timings,
        };
    }

    /// <summary>The process's CPU time, all threads (background merges and the GC included).</summary>
    private static TimeSpan CpuTime() => Environment.CpuUsage.TotalTime;

    private static void BuildFts(SqliteConnection connection, BenchArticleGenerator generator, int count)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE docs USING fts5(title, body, outlet UNINDEXED, tokenize = 'unicode61')";
            create.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO docs(rowid, title, body, outlet) VALUES ($id, $title, $body, $outlet)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var outlet = insert.Parameters.Add("$outlet", SqliteType.Text);
        var batch = new Article[GenerationBatch];
        for (var start = 0; start < count; start += GenerationBatch)
        {
            var size = Math.Min(GenerationBatch, count - start);
            Parallel.For(0, size, i => batch[i] = generator.Generate(start + i));
            for (var i = 0; i < size; i++)
            {
                id.Value = start + i + 1;
                title.Value = batch[i].Title;
                body.Value = batch[i].Body;
                outlet.Value = batch[i].Outlet;
                insert.ExecuteNonQuery();
            }
        }
        transaction.Commit();
    }

    /// <summary>A fixed set of queries from the first articles' vocabulary: single words by document frequency (rare, medium,
    /// common; stopwords left out, since neither engine should be timed on them), two words of one article, two adjacent
    /// words as a phrase, and a common word within one outlet.</summary>
    private static List<BenchQuery> ChooseQueries(Article[] articles, ITextAnalyzer analyzer)
    {
        var sample = articles.Take(VocabularySample).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var bodies = new List<List<string>>();
        foreach (var article in sample)
        {
            var words = Words(article.Body);
            bodies.Add(words);
            foreach (var word in words.Distinct(StringComparer.Ordinal)) frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }
        var ranked = frequency.Where(static f => !Stopwords.Contains("id", f.Key)).OrderBy(static f => f.Value).ThenBy(static f => f.Key, StringComparer.Ordinal).Select(static f => f.Key).ToList();
        var queries = new List<BenchQuery>();
        var random = new Random(42);
        foreach (var word in Spread(ranked.Take(ranked.Count / 3).ToList(), random)) queries.Add(Single("rare", word));
        foreach (var word in Spread(ranked.Skip(ranked.Count / 3).Take(ranked.Count / 3).ToList(), random)) queries.Add(Single("medium", word));
        foreach (var word in Spread(ranked.Skip(ranked.Count - 400).ToList(), random)) queries.Add(Single("common", word));
        for (var i = 0; i < PerClass; i++)
        {
            var words = bodies[random.Next(bodies.Count)].Where(w => !Stopwords.Contains("id", w)).ToList();
            if (words.Count < 2) continue;
            var (a, b) = (words[random.Next(words.Count)], words[random.Next(words.Count)]);
            queries.Add(new BenchQuery("two-word", Terms(new SearchTerm(a, false), new SearchTerm(b, false)), $"\"{a}\" \"{b}\""));
        }
        for (var i = 0; i < PerClass; i++)
        {
            var words = bodies[random.Next(bodies.Count)];
            var at = random.Next(words.Count - 1);
            if (Stopwords.Contains("id", words[at]) || Stopwords.Contains("id", words[at + 1])) at = random.Next(words.Count - 1);
            var phrase = words[at] + " " + words[at + 1];
            queries.Add(new BenchQuery("phrase", Terms(new SearchTerm(phrase, true)), $"\"{phrase}\""));
        }
        foreach (var word in Spread(ranked.Skip(ranked.Count - 400).ToList(), random))
        {
            var outlet = BenchArticleGenerator.Outlets[random.Next(BenchArticleGenerator.Outlets.Length)];
            queries.Add(new BenchQuery("filtered", Terms(new SearchTerm(word, false)) with { Outlets = [outlet] }, $"\"{word}\""));
        }
        _ = analyzer;
        return queries;
    }

    private static BenchQuery Single(string @class, string word) => new(@class, Terms(new SearchTerm(word, false)), $"\"{word}\"");

    private static SearchQuery Terms(params SearchTerm[] terms) => new() { Required = [.. terms.Select(static t => new SearchAlternatives([t]))], Limit = 10 };

    private static IEnumerable<string> Spread(List<string> words, Random random) =>
        words.Count == 0 ? [] : Enumerable.Range(0, PerClass).Select(_ => words[random.Next(words.Count)]);

    private static List<string> Words(string text) =>
        [.. text.Split((char[])[' ', '\n', ',', '.', '"', '(', ')', ';', ':', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
            .Where(static w => w.Length >= 3 && w.All(char.IsLetter))
            .Select(static w => w.ToLowerInvariant())];

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private sealed record BenchQuery(string Class, SearchQuery Lucene, string Fts);

    /// <summary>The generated articles as a store's change sequence (each added, then placed in a story of five), so the
    /// benchmark indexes through the same follower the placer drives.</summary>
    private sealed class GeneratedChangeLog(BenchArticleGenerator generator, int count) : IChangeLog, IArticleReader
    {
        public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default)
        {
            var changes = new List<StoreChange>(limit);
            for (var s = sequence + 1; s <= 2L * count && changes.Count < limit; s++)
            {
                var i = (int)((s - 1) / 2);
                var placed = (s - 1) % 2 == 1;
                changes.Add(new StoreChange(s, placed ? StoreChangeKind.ArticlePlaced : StoreChangeKind.ArticleAdded, BenchArticleGenerator.IdOf(i), placed ? "s" + (i / 5) : null, null));
            }
            return Task.FromResult<IReadOnlyList<StoreChange>>(changes);
        }

        public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(2L * count);

        public Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        {
            var wanted = ids.ToArray();
            var articles = new Article[wanted.Length];
            // A page of hits' snippets (ten) on the calling thread, as a store reads them in one query; a fill's batches on every core.
            if (wanted.Length <= 64)
            {
                for (var i = 0; i < wanted.Length; i++) articles[i] = generator.Generate(BenchArticleGenerator.IndexOf(wanted[i]));
            }
            else
            {
                Parallel.For(0, wanted.Length, i => articles[i] = generator.Generate(BenchArticleGenerator.IndexOf(wanted[i])));
            }
            return Task.FromResult<IReadOnlyList<Article>>(articles);
        }

        public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default) =>
            Task.FromResult<Article?>(BenchArticleGenerator.IndexOf(id) is var i and >= 0 && i < count ? generator.Generate(i) : null);

        public Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) => Task.FromResult(count);
    }
}
