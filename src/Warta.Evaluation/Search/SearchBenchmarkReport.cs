namespace Warta.Evaluation.Search;

/// <summary>What one run of the search benchmark measured, for Lucene and for SQLite FTS5 over the same articles and queries.</summary>
/// <param name="Articles">Articles indexed.</param>
/// <param name="Queries">Queries run (all once to warm up, then each once timed).</param>
/// <param name="LuceneArticlesPerSecond">Lucene indexing rate, through the same follower the placer uses (analysis and the index's final commit and merges included).</param>
/// <param name="Fts5ArticlesPerSecond">FTS5 indexing rate (unicode61, one transaction).</param>
/// <param name="LuceneCpuArticlesPerSecond">Lucene indexing rate per second of process CPU time (all threads).</param>
/// <param name="Fts5CpuArticlesPerSecond">FTS5 indexing rate per second of process CPU time.</param>
/// <param name="LuceneBytes">Index size on disk.</param>
/// <param name="Fts5Bytes">FTS5 database size on disk.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set at the end of the run.</param>
/// <param name="Classes">Latency per query class.</param>
public sealed record SearchBenchmarkReport(
    int Articles,
    int Queries,
    double LuceneArticlesPerSecond,
    double Fts5ArticlesPerSecond,
    double LuceneCpuArticlesPerSecond,
    double Fts5CpuArticlesPerSecond,
    long LuceneBytes,
    long Fts5Bytes,
    long PeakWorkingSetBytes,
    IReadOnlyList<QueryClassLatency> Classes)
{
    /// <summary>Articles the generator makes per second of CPU time: a cost inside both engines' indexing rates, since
    /// each engine is given its articles as they are generated.</summary>
    public double GeneratedArticlesPerCpuSecond { get; init; }

    /// <summary>Segments of the Lucene index when the queries ran (each query looks every term up in each).</summary>
    public int LuceneSegments { get; init; }

    /// <summary>What the collector did while Lucene indexed: the time it paused the process (every indexing thread waits
    /// through a pause, so it is lost on every core), its collections by generation and the bytes allocated.</summary>
    public CollectorWork LuceneIndexingCollector { get; init; } = CollectorWork.None;

    /// <summary>Every timed query in the order run: what a class's percentiles are made of.</summary>
    public IReadOnlyList<QueryTiming> Timings { get; init; } = [];
}

/// <summary>One timed query of the search benchmark.</summary>
/// <param name="Class">Its class.</param>
/// <param name="Query">The query as FTS5 is given it.</param>
/// <param name="LuceneMs">Lucene, ranked ids and titles (no snippets).</param>
/// <param name="Fts5Ms">FTS5, bm25 top 10.</param>
/// <param name="Hits">Lucene's total matches.</param>
/// <param name="GcPauseMs">Collector pauses during the Lucene run.</param>
public sealed record QueryTiming(string Class, string Query, double LuceneMs, double Fts5Ms, int Hits, double GcPauseMs);

/// <summary>The collector's work over one stretch of a run (differences of the process's counters).</summary>
/// <param name="Paused">Time the process was paused for collections.</param>
/// <param name="Gen0">Collections of generation 0 only.</param>
/// <param name="Gen1">Collections up to generation 1.</param>
/// <param name="Gen2">Full collections.</param>
/// <param name="AllocatedBytes">Bytes allocated, all threads.</param>
public sealed record CollectorWork(TimeSpan Paused, int Gen0, int Gen1, int Gen2, long AllocatedBytes)
{
    /// <summary>No work: a run that did not index.</summary>
    public static CollectorWork None { get; } = new(TimeSpan.Zero, 0, 0, 0, 0);

    /// <summary>The counters now, to subtract a later reading from.</summary>
    public static CollectorWork Now() =>
        new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());

    /// <summary>The work done since <paramref name="start"/> (a count of gen-n collections includes the higher ones: each is told apart).</summary>
    public CollectorWork Since(CollectorWork start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var gen2 = Gen2 - start.Gen2;
        var gen1 = Gen1 - start.Gen1 - gen2;
        return new(Paused - start.Paused, Gen0 - start.Gen0 - gen1 - gen2, gen1, gen2, AllocatedBytes - start.AllocatedBytes);
    }
}
