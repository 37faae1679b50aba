using System.CommandLine;
using System.Globalization;
using Warta.Evaluation.Search;

namespace Warta.Cli.Commands;

/// <summary><c>warta bench search --articles N</c>: indexing rate, index size, peak memory and top-10 latency per query class, Lucene against SQLite FTS5 in one run.</summary>
internal static class BenchSearchCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate and index", DefaultValueFactory = _ => 20_000 };
        var data = new Option<string>("--data") { Description = "The shared data folder with the Indonesian sentences (ner/, stemming/, timex/)", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var index = new Option<string?>("--index") { Description = "Keep both indexes in this folder (default: a temporary folder, deleted at the end)" };
        var reuse = new Option<bool>("--reuse") { Description = "With --index: reuse the indexes a previous run left there for the same --articles and time only the queries" };
        var indexOnly = new Option<bool>("--index-only") { Description = "Build the Lucene index only (no FTS5 table, no queries): for measuring indexing" };
        var timings = new Option<string?>("--timings") { Description = "Write every timed query (class, query, Lucene ms, FTS5 ms, hits, collector pause ms) to this file, tab-separated" };
        var command = new Command("search", "Build the Lucene index and an FTS5 table over generated Indonesian articles; time the same 240 queries on both") { articles, data, index, reuse, indexOnly, timings };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var count = parseResult.GetValue(articles);
            var sentences = BenchSentences.Load(parseResult.GetValue(data)!);
            if (count < 100 || sentences.Count < 1000)
            {
                error.WriteLine($"warta: need --articles of at least 100 and the shared data's sentences (found {sentences.Count} under {parseResult.GetValue(data)})");
                return ExitCodes.Usage;
            }
            using var host = CliHost.Create(parseResult);
            var kept = parseResult.GetValue(index);
            var folder = kept ?? Path.Combine(Path.GetTempPath(), "warta-bench-search-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var report = await SearchBenchmark.RunAsync(sentences, count, folder, host.Analyzer, kept is not null && parseResult.GetValue(reuse), parseResult.GetValue(indexOnly), cancellationToken).ConfigureAwait(false);
                Print(report, sentences.Count, output);
                if (parseResult.GetValue(timings) is { } timingsPath) WriteTimings(report, timingsPath);
            }
            finally
            {
                if (kept is null) Directory.Delete(folder, recursive: true);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTimings(SearchBenchmarkReport report, string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("class\tquery\tlucene_ms\tfts5_ms\thits\tgc_pause_ms");
        foreach (var t in report.Timings)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Class}\t{t.Query}\t{t.LuceneMs:0.000}\t{t.Fts5Ms:0.000}\t{t.Hits}\t{t.GcPauseMs:0.000}"));
        }
    }

    /// <summary>Under the server collector's dynamic heap count, .NET's count of bytes allocated sums only the heaps in use
    /// at the moment of reading (a runtime defect, fixed upstream in July 2026), so the figure can miss a heap's bytes:
    /// two runs of one build read 47 and 22 GiB.</summary>
    private static string ServerCaveat => System.Runtime.GCSettings.IsServerGC ? "; a floor under the server collector" : "";

    private static void PrintCollector(SearchBenchmarkReport report, TextWriter output)
    {
        var work = report.LuceneIndexingCollector;
        if (report.LuceneArticlesPerSecond == 0) return;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"collector while lucene indexed: paused {work.Paused.TotalSeconds:0.0} s ({work.Paused.TotalSeconds * report.LuceneArticlesPerSecond / report.Articles:0.0%} of the time), collections gen0 {work.Gen0} gen1 {work.Gen1} gen2 {work.Gen2}, {work.AllocatedBytes / 1073741824.0:0.0} GiB allocated ({work.AllocatedBytes / (double)report.Articles / 1024:0.0} KiB per article{ServerCaveat})"));
        output.WriteLine($"collector settings: {BatchCollector.Describe()}");
    }

    private static void Print(SearchBenchmarkReport report, int sentences, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"articles {report.Articles} (from {sentences} sentences), queries {report.Queries} (top 10, warm)"));
        if (report.Queries == 0)
        {
            output.WriteLine(string.Create(c, $"indexing  lucene {report.LuceneArticlesPerSecond:0} articles/s ({report.LuceneCpuArticlesPerSecond:0} per CPU second)   fts5 and queries skipped (--index-only)"));
            output.WriteLine(string.Create(c, $"size      lucene {report.LuceneBytes / 1048576.0:0.0} MiB   peak working set {report.PeakWorkingSetBytes / 1048576.0:0} MiB   lucene segments {report.LuceneSegments}"));
            PrintCollector(report, output);
            return;
        }
        output.WriteLine(string.Create(c, $"indexing  lucene {report.LuceneArticlesPerSecond:0} articles/s ({report.LuceneCpuArticlesPerSecond:0} per CPU second)   fts5 {report.Fts5ArticlesPerSecond:0} articles/s ({report.Fts5CpuArticlesPerSecond:0} per CPU second)"));
        output.WriteLine(string.Create(c, $"generating the articles (inside both rates) {report.GeneratedArticlesPerCpuSecond:0} per CPU second"));
        output.WriteLine(string.Create(c, $"size      lucene {report.LuceneBytes / 1048576.0:0.0} MiB   fts5 {report.Fts5Bytes / 1048576.0:0.0} MiB   peak working set {report.PeakWorkingSetBytes / 1048576.0:0} MiB   lucene segments {report.LuceneSegments}"));
        PrintCollector(report, output);
        output.WriteLine("class      queries  lucene p50  lucene p99  fts5 p50  fts5 p99  lucene cpu/q  fts5 cpu/q  +snippets p50  +snippets p99  lucene mean hits");
        foreach (var q in report.Classes)
        {
            output.WriteLine(string.Create(c, $"{q.Class,-9}  {q.Queries,7}  {q.LuceneP50Ms,7:0.00} ms  {q.LuceneP99Ms,7:0.00} ms  {q.Fts5P50Ms,5:0.00} ms  {q.Fts5P99Ms,5:0.00} ms  {q.LuceneCpuMs,9:0.00} ms  {q.Fts5CpuMs,7:0.00} ms  {q.SnippetP50Ms,10:0.00} ms  {q.SnippetP99Ms,10:0.00} ms  {q.LuceneMeanHits,16:0}"));
        }
        output.WriteLine(string.Create(c, $"slowest lucene query per class: {string.Join(", ", report.Classes.Select(q => $"{q.Class} {q.SlowestQuery} ({q.SlowestHits} hits, {q.SlowestGcPauseMs:0.0} ms collecting; class {q.LuceneGcPauseMs:0.0} ms)"))}"));
    }
}
