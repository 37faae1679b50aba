using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Warta.Evaluation;
using Warta.Evaluation.Search;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval search</c>: search relevance on labeled sets, Warta's analysis against the same index over plain tokens.</summary>
internal static class EvalSearchCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var ecbplus = new Option<string>("--ecbplus")
        {
            Description = "ECB+ dev JSON Lines (English; gold in 'story')",
            DefaultValueFactory = _ => "../shared/data/stories/ecbplus/dev.jsonl",
        };
        var kompas = new Option<string>("--kompas")
        {
            Description = "Folder holding kompas-dev-threads.tsv and kompas-dev/*.tml",
            DefaultValueFactory = _ => "../shared/data/timex",
        };
        var hardcases = new Option<string>("--hardcases")
        {
            Description = "Folder holding hardcases.jsonl (the Indonesian hard cases)",
            DefaultValueFactory = _ => "samples/hardcases",
        };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var command = new Command("search", "Search relevance: each article's first sentence (words ORed) must rank its own story's articles first; MRR and precision at 10, Warta's analysis against plain BM25 tokens")
        {
            ecbplus, kompas, hardcases, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var analyzer = TextServices.CreateAnalyzer();
            var sets = new List<(string Name, Func<IReadOnlyList<LabeledArticle>>? Load, string Path)>
            {
                ("ecbplus", File.Exists(parseResult.GetValue(ecbplus)) ? () => RelevanceSets.JsonLines(parseResult.GetValue(ecbplus)!) : null, parseResult.GetValue(ecbplus)!),
                ("kompas", RelevanceSets.HasKompas(parseResult.GetValue(kompas)!) ? () => RelevanceSets.Kompas(parseResult.GetValue(kompas)!) : null, parseResult.GetValue(kompas)!),
                ("hardcases", File.Exists(Path.Combine(parseResult.GetValue(hardcases)!, "hardcases.jsonl")) ? () => RelevanceSets.HardCases(parseResult.GetValue(hardcases)!) : null, parseResult.GetValue(hardcases)!),
            };
            var rows = new List<(string Name, RelevanceReport? Report, string Path)>();
            foreach (var (name, load, path) in sets)
            {
                rows.Add((name, load is null ? null : await RelevanceEvaluator.RunAsync(load(), analyzer, cancellationToken).ConfigureAwait(false), path));
            }
            if (parseResult.GetValue(json))
            {
                var payload = rows.ToDictionary(static r => r.Name, static r => r.Report is { } report ? ToJson(report) : new Dictionary<string, object> { ["skipped"] = "not found: " + r.Path });
                Console.WriteLine(JsonSerializer.Serialize(payload, Indented));
            }
            else
            {
                Console.WriteLine("set        articles  queries  MRR warta  plain   diff    P@10 warta  plain   diff    first hit warta / plain");
                foreach (var (name, report, path) in rows)
                {
                    Console.WriteLine(report is not { } r
                        ? $"{name,-10} skipped: not found: {path}"
                        : string.Create(CultureInfo.InvariantCulture,
                            $"{name,-10} {r.Articles,8}  {r.Queries,7}  {r.Warta.Mrr,9:F3}  {r.Plain.Mrr,5:F3}  {r.MrrGain,6:+0.000;-0.000}  {r.Warta.PrecisionAt10,10:F3}  {r.Plain.PrecisionAt10,5:F3}  {r.PrecisionAt10Gain,6:+0.000;-0.000}  {r.Warta.FirstHit:F3} / {r.Plain.FirstHit:F3}"));
                }
                Console.WriteLine("Queries: the first sentence of each article, its words ORed (typed as free text they would all be required); the article itself is left out of its ranking; a story of one article is not scored.");
            }
            return rows.Any(static r => r.Report is not null) ? ExitCodes.Ok : ExitCodes.InputFailed;
        });
        return command;
    }

    private static Dictionary<string, object> ToJson(RelevanceReport r) => new()
    {
        ["articles"] = r.Articles,
        ["queries"] = r.Queries,
        ["warta"] = Scores(r.Warta),
        ["plain"] = Scores(r.Plain),
        ["mrrGain"] = r.MrrGain,
        ["precisionAt10Gain"] = r.PrecisionAt10Gain,
    };

    private static Dictionary<string, object> Scores(RelevanceScore s) => new()
    {
        ["mrr"] = s.Mrr,
        ["precisionAt10"] = s.PrecisionAt10,
        ["firstHit"] = s.FirstHit,
    };
}
