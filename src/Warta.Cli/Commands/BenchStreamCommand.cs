using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Warta.Core.Clustering;
using Warta.Core.Entities;
using Warta.Core.Evaluation;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Storage.Sqlite;

namespace Warta.Cli.Commands;

/// <summary>
/// <c>warta bench stream</c>: end-to-end throughput of the pipeline after reading (annotation optional, analysis,
/// near-duplicates, clustering, SQLite writes) over a long stream made by replaying a set with fresh ids, shifted in time.
/// </summary>
internal static class BenchStreamCommand
{
    /// <summary>Articles per SQLite transaction and per timing chunk.</summary>
    private const int BatchSize = 500;

    /// <summary>Articles annotated together before they are clustered in order.</summary>
    private const int AnnotationGroup = 64;

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Folder of articles (default samples/corpus) or a uci-news CSV of headlines", DefaultValueFactory = _ => Path.Combine("samples", "corpus") };
        var repeat = new Option<int>("--repeat") { Description = "How many times the set is replayed", DefaultValueFactory = _ => 10 };
        var annotate = new Option<bool>("--annotate") { Description = "Also run entity tagging/linking, time expressions and quotes" };
        var bench = new Command("bench", "Throughput measurements");
        var command = new Command("stream", "Replay a set many times through analysis, dedup, clustering and SQLite; print articles/s and memory") { input, repeat, annotate };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input)!, Math.Max(1, parseResult.GetValue(repeat)), parseResult.GetValue(annotate),
            parseResult.GetValue(GlobalOptions.Db) ?? SqliteInfo.DefaultPath, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        bench.Subcommands.Add(command);
        return bench;
    }

    private static int Run(string input, int repeat, bool annotate, string db, TextWriter output, TextWriter error)
    {
        var set = Load(input, error);
        if (set.Count == 0) return ExitCodes.Usage;
        if (File.Exists(db))
        {
            error.WriteLine($"warta: {db} exists; the stream benchmark writes a fresh store (pass --db to a new file)");
            return ExitCodes.Usage;
        }
        var replay = new StreamReplay(set);

        var analyzer = TextServices.CreateAnalyzer();
        var annotation = annotate ? new AnnotationStage(EntityTagger.Shipped) : null;
        using var store = new SqliteStore(db);
        // Batches are written on the second core while the next one is analysed and clustered.
        using var writer = new PlacementWriter(store);
        var clusterer = new StoryClusterer();
        var rates = new List<double>();
        var checkpoints = new List<string>();
        var batch = new Batch();
        var total = 0;
        var clock = Stopwatch.StartNew();
        var chunk = Stopwatch.StartNew();
        for (var round = 0; round < repeat; round++)
        {
            foreach (var articles in replay.Round(round).Chunk(AnnotationGroup))
            {
                // Annotation is per article and pure, so it runs on all cores as ingest does; clustering stays in stream order.
                if (annotation is not null) Parallel.For(0, articles.Length, i => articles[i] = annotation.Process(articles[i]));
                foreach (var article in articles)
                {
                    // The token layers annotation made ride with the article; without --annotate they are made here.
                    var tokens = ArticleTokens.Of(article);
                    var result = clusterer.Add(article, analyzer.Analyze(tokens.Title, article.Language), analyzer.Analyze(tokens.Body, article.Language));
                    batch.Add(article, result);
                    if (batch.Articles.Count == BatchSize)
                    {
                        batch.WriteTo(writer);
                        batch = new Batch();
                        rates.Add(BatchSize / chunk.Elapsed.TotalSeconds);
                        chunk.Restart();
                    }
                    total++;
                }
            }
            if (round + 1 is 1 or 10 or 100 or 1000 || round + 1 == repeat)
            {
                checkpoints.Add(string.Create(CultureInfo.InvariantCulture,
                    $"after {round + 1,4}x ({total} articles): managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB, working set {Environment.WorkingSet / 1048576.0:F0} MiB, live stories {clusterer.LiveStoryCount}, live articles {clusterer.LiveArticleCount}, terms {clusterer.TermCount}"));
            }
        }
        batch.WriteTo(writer);
        writer.Complete();
        clock.Stop();

        rates.Sort();
        var median = rates.Count > 0 ? rates[rates.Count / 2] : total / clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total} articles ({set.Count} × {repeat}) in {clock.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores: median {median:F0} articles/s over {rates.Count} batches of {BatchSize}, overall {total / clock.Elapsed.TotalSeconds:F0} articles/s{(annotate ? ", with annotation" : "")}"));
        foreach (var line in checkpoints) output.WriteLine(line);
        using var self = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB"));
        return ExitCodes.Ok;
    }

    /// <summary>One transaction's worth of placed articles; handed to the writer whole, so never reused.</summary>
    private sealed class Batch
    {
        private readonly Dictionary<string, Story> _stories = new(StringComparer.Ordinal);
        private readonly List<StoryAssignment> _assignments = new(BatchSize);
        private readonly List<StoryMerge> _merges = [];

        public List<Article> Articles { get; } = new(BatchSize);

        public void Add(Article article, ClusteringResult result)
        {
            Articles.Add(article);
            _assignments.Add(result.Assignment);
            foreach (var story in result.ChangedStories) _stories[story.Id] = story;
            _merges.AddRange(result.Merges);
        }

        public void WriteTo(PlacementWriter writer)
        {
            if (Articles.Count > 0) writer.Write(Articles, _assignments, [.. _stories.Values], _merges);
        }
    }

    private static List<Article> Load(string input, TextWriter error)
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
