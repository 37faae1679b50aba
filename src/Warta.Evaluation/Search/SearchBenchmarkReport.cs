namespace Warta.Evaluation.Search;

/// <summary>What one run of the search benchmark measured, for Lucene and for SQLite FTS5 over the same articles and queries.</summary>
/// <param name="Articles">Articles indexed.</param>
/// <param name="Queries">Queries run (each once to warm up, then once timed).</param>
/// <param name="LuceneArticlesPerSecond">Lucene indexing rate, through the same follower the placer uses (analysis included).</param>
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
    IReadOnlyList<QueryClassLatency> Classes);
