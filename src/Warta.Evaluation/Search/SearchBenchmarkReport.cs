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
