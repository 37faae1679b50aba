using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Warta.Core.Clustering;
using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Pipeline;
using Warta.Evaluation;
using Warta.Evaluation.Clustering;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval clustering</c>: streams the uci-news dev headlines and the Kompas threads, or any labeled JSON Lines set, through the clusterer and prints pair-counting and B-cubed scores.</summary>
internal static class EvalClusteringCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var uci = new Option<string>("--uci")
        {
            Description = "uci-news CSV (ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP)",
            DefaultValueFactory = _ => "../shared/data/stories/uci-news/dev.csv",
        };
        var kompas = new Option<string>("--kompas")
        {
            Description = "Kompas thread file; the .tml articles are read from kompas-dev/ beside it",
            DefaultValueFactory = _ => "../shared/data/timex/kompas-dev-threads.tsv",
        };
        var threshold = new Option<double?>("--threshold") { Description = "Override the assign threshold (for exploring)" };
        var halves = new Option<bool>("--halves") { Description = "Also score the earlier and the later half of the uci set (by time) on their own" };
        var placementsFile = new Option<string?>("--placements")
        {
            Description = "Write the uci articles (with --jsonl: the first order's) with their gold and predicted stories to this TSV file, in publication order, for error analysis",
        };
        var gapBaseline = new Option<double?>("--time-gap-baseline")
        {
            Description = "Also score a baseline that reads no text and starts a new story after this many seconds without an article (shows whether the uci labels follow arrival times)",
        };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var jsonl = new Option<string?>("--jsonl")
        {
            Description = "Score this labeled JSON Lines set instead (gold in 'story'; 'text', optional 'title', 'published', 'outlet', 'url'), read as ingest reads it",
        };
        var shuffle = new Option<string?>("--shuffle") { Description = "With --jsonl: shuffle the record order by these seeds (1 or 1,2,3) and report each, the mean and the worst" };
        var topics = new Option<string?>("--topics") { Description = "With --jsonl: keep records whose gold starts with a number in this range (23-35 keeps ECB+ topics 23 to 35)" };
        var oneTime = new Option<bool>("--one-time") { Description = "With --jsonl: give every record the same publication time" };
        var noAnnotate = new Option<bool>("--no-annotate") { Description = "With --jsonl: skip the entity annotation that ingest runs before placement" };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a clusterer option by name (EntityWeight=2), for exploring; repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var secondLook = SecondLookOption.Create();
        var command = new Command("clustering", "Story clustering: pair-counting and B-cubed P/R/F1, articles/second")
        {
            uci, kompas, threshold, halves, placementsFile, gapBaseline, json, jsonl, shuffle, topics, oneTime, noAnnotate, set, secondLook,
        };
        command.SetAction(parseResult =>
        {
            var options = SecondLookOption.Apply(new StoryClustererOptions(), parseResult.GetValue(secondLook));
            if (parseResult.GetValue(threshold) is { } t) options = options with { AssignThreshold = t };
            foreach (var assignment in parseResult.GetValue(set) ?? [])
            {
                if (!TrySet(ref options, assignment))
                {
                    Console.Error.WriteLine($"--set: '{assignment}' is not Name=Value for a clusterer option");
                    return ExitCodes.Usage;
                }
            }
            var analyzer = TextServices.CreateAnalyzer();
            if (parseResult.GetValue(jsonl) is { } jsonlPath)
            {
                return RunJsonl(jsonlPath, parseResult.GetValue(shuffle), parseResult.GetValue(topics), parseResult.GetValue(oneTime),
                    !parseResult.GetValue(noAnnotate), parseResult.GetValue(json), parseResult.GetValue(placementsFile), analyzer, options);
            }
            var rows = new List<(string Name, ClusteringReport? Report, string? Note)>();
            (PrecisionRecall Pair, PrecisionRecall BCubed, int Stories)? baseline = null;
            var gapSeconds = parseResult.GetValue(gapBaseline);
            if (gapSeconds is not null && !(gapSeconds > 0))
            {
                Console.Error.WriteLine($"--time-gap-baseline must be a positive number of seconds, not {gapSeconds}");
                return ExitCodes.Usage;
            }

            var uciPath = parseResult.GetValue(uci)!;
            if (File.Exists(uciPath))
            {
                using var reader = new StreamReader(uciPath);
                var labeled = UciNewsReader.Read(reader, uciPath).ToList();
                if (parseResult.GetValue(halves))
                {
                    var (first, second) = ClusteringEvaluator.SplitByTime(labeled);
                    rows.Add(("uci-1st", ClusteringEvaluator.Run(first, analyzer, options), null));
                    rows.Add(("uci-2nd", ClusteringEvaluator.Run(second, analyzer, options), null));
                }
                var placements = parseResult.GetValue(placementsFile) is null ? null : new List<(LabeledArticle Article, string StoryId)>();
                rows.Add(("uci", ClusteringEvaluator.Run(labeled, analyzer, options, placements), null));
                if (placements is not null) WritePlacements(parseResult.GetValue(placementsFile)!, placements);
                if (gapSeconds is { } g) baseline = ClusteringEvaluator.TimeGapBaseline(labeled, TimeSpan.FromSeconds(g));
            }
            else
            {
                rows.Add(("uci", null, $"not found: {uciPath}"));
            }

            var kompasPath = parseResult.GetValue(kompas)!;
            rows.Add(RunKompas(kompasPath, analyzer, options));

            if (parseResult.GetValue(json))
            {
                var payload = rows.ToDictionary(r => r.Name, r => r.Report is { } report ? ToJson(report) : new Dictionary<string, object> { ["skipped"] = r.Note ?? "" });
                if (baseline is { } b)
                {
                    payload["uciTimeGapBaseline"] = WithScores(
                        new() { ["gapSeconds"] = gapSeconds!.Value, ["predictedStories"] = b.Stories }, b.Pair, b.BCubed);
                }
                Console.WriteLine(JsonSerializer.Serialize(payload, Indented));
            }
            else
            {
                Console.WriteLine("set      articles  gold  stories  copies  merges  pair P  pair R  pair F1  B3 P    B3 R    B3 F1   art/s (all / clustering)");
                foreach (var (name, report, note) in rows)
                {
                    Console.WriteLine(report is null
                        ? $"{name,-8} skipped: {note}"
                        : string.Create(CultureInfo.InvariantCulture,
                            $"{name,-8} {report.Articles,8}  {report.GoldStories,4}  {report.PredictedStories,7}  {report.Copies,6}  {report.Merges,6}  {report.Pair.Precision,6:F3}  {report.Pair.Recall,6:F3}  {report.Pair.F1,7:F3}  {report.BCubed.Precision,6:F3}  {report.BCubed.Recall,6:F3}  {report.BCubed.F1,6:F3}  {report.ArticlesPerSecond,8:F0} / {report.ClusteringArticlesPerSecond:F0}"));
                }
                if (baseline is { } b)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"uci time-gap baseline (no text; new story after {gapSeconds}s without an article): {b.Stories} stories, pair P/R/F1 {b.Pair.Precision:F3}/{b.Pair.Recall:F3}/{b.Pair.F1:F3}, B3 P/R/F1 {b.BCubed.Precision:F3}/{b.BCubed.Recall:F3}/{b.BCubed.F1:F3}"));
                }
            }
            return rows.Any(r => r.Report is not null) ? 0 : 1;
        });
        return command;
    }

    private static int RunJsonl(
        string path, string? seedList, string? topicRange, bool oneTime, bool annotate, bool json, string? placementsPath,
        Warta.Text.ITextAnalyzer analyzer, StoryClustererOptions options)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"not found: {path}");
            return ExitCodes.Usage;
        }
        var seeds = new List<int>();
        foreach (var part in (seedList ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
            {
                Console.Error.WriteLine($"--shuffle: '{part}' is not a whole number");
                return ExitCodes.Usage;
            }
            seeds.Add(seed);
        }
        (int From, int To)? range = null;
        if (topicRange is not null)
        {
            var bounds = topicRange.Split('-', 2);
            if (bounds.Length != 2 || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                Console.Error.WriteLine($"--topics: '{topicRange}' is not FROM-TO");
                return ExitCodes.Usage;
            }
            range = (from, to);
        }
        var lines = File.ReadAllLines(path);
        var placements = placementsPath is null ? null : new List<(LabeledArticle Article, string StoryId)>();
        var runs = OrderedRuns.Run(lines, Path.GetFileName(path), seeds, labeled =>
        {
            if (range is { } r) labeled = LabeledJsonLines.Topics(labeled, r.From, r.To);
            // Any fixed instant does: what matters is that no record is older or newer than another.
            if (oneTime) labeled = LabeledJsonLines.AtOneTime(labeled, new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero));
            return labeled;
        }, analyzer, options, annotate ? () => [new AnnotationStage(EntityTagger.Shipped)] : null, placements);
        if (placements is not null) WritePlacements(placementsPath!, placements);
        if (runs[0].Report.Articles == 0)
        {
            Console.Error.WriteLine($"no labeled records in {path}");
            return 1;
        }
        var (meanPair, meanBCubed) = OrderedRuns.Mean(runs);
        var (worstBCubed, worstPair) = OrderedRuns.Worst(runs);
        if (json)
        {
            var payload = new Dictionary<string, object>
            {
                ["runs"] = runs.Select(r =>
                {
                    var row = ToJson(r.Report);
                    if (r.Seed is { } seed) row["seed"] = seed;
                    return row;
                }).ToList(),
                ["mean"] = WithScores([], meanPair, meanBCubed),
                ["worst"] = new Dictionary<string, object> { ["pairF1"] = worstPair.Pair.F1, ["bcubedF1"] = worstBCubed.BCubed.F1 },
            };
            Console.WriteLine(JsonSerializer.Serialize(payload, Indented));
            return 0;
        }
        Console.WriteLine("order    articles  gold  stories  copies  merges  pair P  pair R  pair F1  B3 P    B3 R    B3 F1");
        foreach (var (seed, r) in runs)
        {
            var name = seed is { } s ? "seed " + s.ToString(CultureInfo.InvariantCulture) : "as is";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-8} {r.Articles,8}  {r.GoldStories,4}  {r.PredictedStories,7}  {r.Copies,6}  {r.Merges,6}  {r.Pair.Precision,6:F3}  {r.Pair.Recall,6:F3}  {r.Pair.F1,7:F3}  {r.BCubed.Precision,6:F3}  {r.BCubed.Recall,6:F3}  {r.BCubed.F1,6:F3}"));
        }
        if (runs.Count > 1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"mean",-8} {"",8}  {"",4}  {"",7}  {"",6}  {"",6}  {meanPair.Precision,6:F3}  {meanPair.Recall,6:F3}  {meanPair.F1,7:F3}  {meanBCubed.Precision,6:F3}  {meanBCubed.Recall,6:F3}  {meanBCubed.F1,6:F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst    pair F1 {worstPair.Pair.F1:F3}  B3 F1 {worstBCubed.BCubed.F1:F3}"));
        }
        return 0;
    }

    /// <summary>Sets one init property of the options by name, for exploring from the command line.</summary>
    private static bool TrySet(ref StoryClustererOptions options, string assignment)
    {
        var parts = assignment.Split('=', 2);
        if (parts.Length != 2) return false;
        var property = typeof(StoryClustererOptions).GetProperty(parts[0]);
        if (property is null || !property.CanWrite) return false;
        object? value;
        try
        {
            value = property.PropertyType == typeof(TimeSpan)
                ? TimeSpan.Parse(parts[1], CultureInfo.InvariantCulture)
                : Convert.ChangeType(parts[1], property.PropertyType, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return false;
        }
        // A copy, so the defaults instance is never changed in place.
        var copy = options with { };
        property.SetValue(copy, value);
        options = copy;
        return true;
    }

    private static (string, ClusteringReport?, string?) RunKompas(string threadsPath, Warta.Text.ITextAnalyzer analyzer, StoryClustererOptions options)
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(threadsPath))!, "kompas-dev");
        if (!File.Exists(threadsPath) || !Directory.Exists(folder)) return ("kompas", null, $"not found: {threadsPath} or {folder}");
        using var reader = new StreamReader(threadsPath);
        var threads = KompasThreads.ReadThreads(reader);
        var documents = Directory.EnumerateFiles(folder, "*.tml").Order(StringComparer.Ordinal)
            .Select(path => new RawDocument(path, File.ReadAllBytes(path)));
        try
        {
            var (articles, _) = KompasThreads.Label(documents, threads, new ArticleIngestor());
            return ("kompas", ClusteringEvaluator.Run(articles, analyzer, options), null);
        }
        catch (NotImplementedException e)
        {
            // The TimeML reader lands with the ingestion work; until then this set cannot be read here.
            return ("kompas", null, "ingestion not available yet: " + e.Message);
        }
    }

    private static void WritePlacements(string path, List<(LabeledArticle Article, string StoryId)> placements)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("published\tgold\tstory\toutlet\ttitle");
        foreach (var (item, story) in placements.OrderBy(p => p.Article.Article.Published?.Value).ThenBy(p => p.Article.Article.Id, StringComparer.Ordinal))
        {
            var article = item.Article;
            writer.WriteLine(string.Join('\t',
                article.Published?.Value.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture) ?? "",
                item.Gold, story, Clean(article.Outlet), Clean(article.Title)));
        }

        static string Clean(string? text) => (text ?? "").Replace('\t', ' ').Replace('\n', ' ');
    }

    private static Dictionary<string, object> ToJson(ClusteringReport r)
    {
        var json = WithScores(
            new()
            {
                ["articles"] = r.Articles,
                ["goldStories"] = r.GoldStories,
                ["predictedStories"] = r.PredictedStories,
                ["copies"] = r.Copies,
                ["merges"] = r.Merges,
            },
            r.Pair,
            r.BCubed);
        json["articlesPerSecond"] = r.ArticlesPerSecond;
        json["clusteringArticlesPerSecond"] = r.ClusteringArticlesPerSecond;
        return json;
    }

    private static Dictionary<string, object> WithScores(Dictionary<string, object> json, PrecisionRecall pair, PrecisionRecall bcubed)
    {
        json["pairPrecision"] = pair.Precision;
        json["pairRecall"] = pair.Recall;
        json["pairF1"] = pair.F1;
        json["bcubedPrecision"] = bcubed.Precision;
        json["bcubedRecall"] = bcubed.Recall;
        json["bcubedF1"] = bcubed.F1;
        return json;
    }
}
