namespace Warta.Evaluation.Search;

/// <summary>Top-10 latency of one query class on both engines, in milliseconds.</summary>
/// <param name="Class">The class: rare, medium, common (single words), two-word, phrase, filtered.</param>
/// <param name="Queries">Queries of the class.</param>
/// <param name="LuceneP50Ms">Lucene median (ranked ids and titles, no snippets).</param>
/// <param name="LuceneP99Ms">Lucene 99th percentile.</param>
/// <param name="Fts5P50Ms">FTS5 median (bm25 top 10, rowids only).</param>
/// <param name="Fts5P99Ms">FTS5 99th percentile.</param>
/// <param name="LuceneCpuMs">Lucene's process CPU time per query (the machine may be shared: wall-clock percentiles include waiting).</param>
/// <param name="Fts5CpuMs">FTS5's process CPU time per query.</param>
/// <param name="SnippetP50Ms">Lucene median with the hits' highlighted snippets.</param>
/// <param name="SnippetP99Ms">Lucene 99th percentile with snippets.</param>
/// <param name="LuceneMeanHits">Mean total matches per query on Lucene (analysed: stems match more).</param>
public sealed record QueryClassLatency(string Class, int Queries, double LuceneP50Ms, double LuceneP99Ms, double Fts5P50Ms, double Fts5P99Ms, double LuceneCpuMs, double Fts5CpuMs, double SnippetP50Ms, double SnippetP99Ms, double LuceneMeanHits)
{
    /// <summary>The class's slowest Lucene query (its p99 at 40 queries), as typed, with its matches: where the tail is.</summary>
    public string SlowestQuery { get; init; } = "";

    /// <summary>Matches of <see cref="SlowestQuery"/>.</summary>
    public int SlowestHits { get; init; }

    /// <summary>Milliseconds the garbage collector paused the process during <see cref="SlowestQuery"/>'s timed run: a tail
    /// made of a collection rather than of the query's own work.</summary>
    public double SlowestGcPauseMs { get; init; }

    /// <summary>Milliseconds of collector pauses during all of the class's timed Lucene runs.</summary>
    public double LuceneGcPauseMs { get; init; }
}
