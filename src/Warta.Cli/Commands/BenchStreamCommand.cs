using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Warta.Core.Clustering;
using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Evaluation;
using Warta.Evaluation.Clustering;
using Warta.Storage.Sqlite;

namespace Warta.Cli.Commands;

/// <summary>
/// <c>warta bench stream</c>: end-to-end throughput of the pipeline after reading (annotation optional, analysis,
/// near-duplicates, clustering, SQLite writes) over a long stream made by replaying a set with fresh ids, shifted in time.
/// </summary>
internal static class BenchStreamCommand
{
    /// <summary>Articles per SQLite transaction (unless <c>--commit-every</c> says otherwise) and per timing chunk.</summary>
    private const int BatchSize = 500;

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Folder of articles (default samples/corpus) or a uci-news CSV of headlines", DefaultValueFactory = _ => Path.Combine("samples", "corpus") };
        var repeat = new Option<int>("--repeat") { Description = "How many times the set is replayed", DefaultValueFactory = _ => 10 };
        var annotate = new Option<bool>("--annotate") { Description = "Also run entity tagging/linking, time expressions and quotes" };
        var fresh = new Option<bool>("--fresh-vocabulary") { Description = "Give every round new names, places and numbers, so the vocabulary keeps growing as real news does" };
        var checkpointEvery = new Option<int>("--checkpoint-every")
        {
            Description = "Save the clusterer checkpoint after this many placements (to measure its cost)",
            DefaultValueFactory = _ => new StoryPlacerOptions().CheckpointEveryArticles,
        };
        var commitEvery = new Option<int>("--commit-every")
        {
            Description = "Commit the placements after this many articles (to measure what batching saves)",
            DefaultValueFactory = _ => BatchSize,
        };
        var secondLook = SecondLookOption.Create();
        var bench = new Command("bench", "Throughput measurements");
        var command = new Command("stream", "Replay a set many times through analysis, dedup, clustering and SQLite; print articles/s and memory") { input, repeat, annotate, fresh, checkpointEvery, commitEvery, secondLook };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(input)!, Math.Max(1, parseResult.GetValue(repeat)), parseResult.GetValue(annotate), parseResult.GetValue(fresh), Math.Max(1, parseResult.GetValue(checkpointEvery)), Math.Max(1, parseResult.GetValue(commitEvery)),
            SecondLookOption.Apply(new StoryClustererOptions(), parseResult.GetValue(secondLook)), parseResult, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error,
            cancellationToken));
        bench.Subcommands.Add(command);
        return bench;
    }

    private static async Task<int> RunAsync(string input, int repeat, bool annotate, bool fresh, int checkpointEvery, int commitEvery, StoryClustererOptions clusterer, ParseResult parseResult, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var set = Load(input, error);
        if (set.Count == 0) return ExitCodes.Usage;
        using var host = CliHost.Create(parseResult);
        var db = host.StoreLocation;
        if (File.Exists(db))
        {
            error.WriteLine($"warta: {db} exists; the stream benchmark writes a fresh store (pass --db to a new file)");
            return ExitCodes.Usage;
        }
        var replay = new StreamReplay(set);

        using var store = new SqliteStore(db);
        var placer = await StoryPlacer.OpenAsync(store, host.Analyzer, new StoryPlacerOptions { BatchArticles = commitEvery, CheckpointEveryArticles = checkpointEvery, Clusterer = clusterer }, cancellationToken: cancellationToken);
        await using var placing = placer;
        // The same pipeline as ingest: annotation (optional here) in parallel, then the placer.
        var pipeline = new IngestPipeline(static _ => [], placer, annotate ? [new AnnotationStage(EntityTagger.Shipped)] : []);
        var rates = new List<double>();
        var checkpoints = new List<string>();
        var total = 0;
        // CPU of the whole process over the timed part (annotation, placement, the background JIT), which a shared machine's
        // load inflates less than the wall-clock rate.
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var chunk = Stopwatch.StartNew();
        var placed = 0;
        // Rates per batch of placements, as they leave the reorder window (the first one also waits for it to fill).
        placer.OnPlaced = (_, _) =>
        {
            if (++placed % BatchSize != 0) return;
            rates.Add(BatchSize / chunk.Elapsed.TotalSeconds);
            chunk.Restart();
        };
        for (var round = 0; round < repeat; round++)
        {
            var stream = fresh ? replay.Round(round).Select(a => FreshVocabulary.ForRound(a, round)) : replay.Round(round);
            foreach (var articles in stream.Chunk(BatchSize))
            {
                await pipeline.IngestArticlesAsync(articles, cancellationToken: cancellationToken);
                total += articles.Length;
            }
            if (round + 1 is 1 or 10 or 100 or 1000 && round + 1 != repeat) checkpoints.Add(Status(round + 1, total, placer));
        }
        await placer.CompleteAsync(cancellationToken);
        clock.Stop();
        var timedCpu = Environment.CpuUsage.TotalTime - cpuBefore;
        checkpoints.Add(Status(repeat, total, placer));

        rates.Sort();
        var median = rates.Count > 0 ? rates[rates.Count / 2] : total / clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total} articles ({set.Count} × {repeat}) in {clock.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores: median {median:F0} articles/s over {rates.Count} batches of {BatchSize}, overall {total / clock.Elapsed.TotalSeconds:F0} articles/s{(annotate ? ", with annotation" : "")}{(fresh ? ", fresh vocabulary each round" : "")}; {timedCpu.TotalSeconds:F2} s CPU ({timedCpu.TotalMilliseconds * 1000 / total:F0} µs per article)"));
        foreach (var line in checkpoints) output.WriteLine(line);
        var stats = placer.Stats;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clusterer checkpoints: {stats.CheckpointSaves} saves of {stats.CheckpointBytes / Math.Max(1, stats.CheckpointSaves) / 1024.0:F0} KiB on average, {stats.CheckpointTime.TotalMilliseconds / Math.Max(1, stats.CheckpointSaves):F1} ms each, {stats.CheckpointTime.TotalMilliseconds * 1000 / Math.Max(1, stats.Placed):F1} µs per placed article; {stats.Commits} commits"));
        using var self = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB"));
        return ExitCodes.Ok;
    }

    /// <summary>Memory and working-set size after a round; articles still in the reorder window are not placed yet.</summary>
    /// <remarks>The heap is measured after a full collection, so it shows what is kept, not garbage not yet collected.</remarks>
    private static string Status(int rounds, int total, StoryPlacer placer)
    {
        var clusterer = placer.Clusterer;
        return string.Create(CultureInfo.InvariantCulture,
            $"after {rounds,4}x ({total} articles, {placer.Stats.Placed} placed): live managed heap {GC.GetTotalMemory(true) / 1048576.0:F0} MiB, working set {Environment.WorkingSet / 1048576.0:F0} MiB, live stories {clusterer.LiveStoryCount}, live articles {clusterer.LiveArticleCount}, terms {clusterer.TermCount}");
    }

    /// <summary>The articles of a folder or a uci-news CSV, or none (with a message) when the input is missing.</summary>
    public static List<Article> Load(string input, TextWriter error)
    {
        if (File.Exists(input) && input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(input);
            return [.. UciNewsReader.Read(reader, input).Select(static l => l.Article)];
        }
        if (!Directory.Exists(input))
        {
            error.WriteLine($"warta: input not found: {input}");
            return [];
        }
        var ingestor = new ArticleIngestor();
        return [.. InputPaths.Expand([input])
            .SelectMany(file => ingestor.Read(new RawDocument(file, File.ReadAllBytes(file))))
            .Select(static o => o.Article)
            .OfType<Article>()];
    }
}
