using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Warta.Evaluation.Stories;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval briefs [--corpus DIR] [--gold FILE] [--disagreements FILE]</c>: story briefs against reference briefs (ROUGE, beside
/// the lead baseline), their citations, and the disagreements against a hand-made list.</summary>
internal static class EvalBriefsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder (with its stories.tsv) the references describe", DefaultValueFactory = _ => Path.Combine("samples", "corpus") };
        var gold = new Option<string>("--gold") { Description = "Reference briefs (JSON lines: story, brief, sources)", DefaultValueFactory = _ => Path.Combine("eval", "briefs", "sample-corpus.jsonl") };
        var disagreements = new Option<string?>("--disagreements")
        {
            Description = "Hand-listed disagreements of the corpus (case, story_key, quantity, value, sources, kind, note); '-' to skip",
            DefaultValueFactory = _ => Path.Combine("eval", "disagreements", "sample-corpus.tsv"),
        };
        var errors = new Option<int>("--errors") { Description = "Also list the first N citation and disagreement errors" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON" };
        var command = new Command("briefs", "Score story briefs with ROUGE against reference briefs, beside the lead baseline; check their citations and disagreements")
        {
            corpus, gold, disagreements, errors, json,
        };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(corpus)!;
            var goldFile = parseResult.GetValue(gold)!;
            var disagreementFile = parseResult.GetValue(disagreements) is { } d && d != "-" ? d : null;
            var storiesTsv = Path.Combine(folder, "stories.tsv");
            foreach (var file in new[] { storiesTsv, goldFile, disagreementFile }.OfType<string>())
            {
                if (!File.Exists(file))
                {
                    Console.Error.WriteLine($"no such file: {file}");
                    return 2;
                }
            }
            IReadOnlyList<BriefGold> references;
            IReadOnlyList<DisagreementGold> listed = [];
            try
            {
                using (var reader = new StreamReader(goldFile, Encoding.UTF8)) references = BriefGold.Read(reader, goldFile);
                if (disagreementFile is not null)
                {
                    using var reader = new StreamReader(disagreementFile, Encoding.UTF8);
                    listed = DisagreementGold.Read(reader, disagreementFile);
                }
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            var articles = CorpusArticles.Read(folder);
            var storyOf = CorpusArticles.StoryKeys(storiesTsv);
            var briefs = BriefEvaluator.Evaluate(references, articles, storyOf);
            var disputes = disagreementFile is null ? null : DisagreementEvaluator.Evaluate(listed, articles, storyOf);
            var n = Math.Max(0, parseResult.GetValue(errors));
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    stories = briefs.Stories.Select(static s => new { story = s.Story, referenceSentences = s.ReferenceSentences, briefSentences = s.BriefSentences, brief = Round(s.Brief), lead = Round(s.Lead) }),
                    brief = Round(briefs.Brief),
                    lead = Round(briefs.Lead),
                    briefSentences = briefs.BriefSentences,
                    citedCorrectly = briefs.CitedCorrectly,
                    citationAccuracy = Math.Round(briefs.CitationAccuracy, 4),
                    disagreements = disputes is null ? null : new
                    {
                        detected = disputes.Detected,
                        detectedRight = disputes.DetectedRight,
                        listed = disputes.Listed,
                        listedFound = disputes.ListedFound,
                        precision = Math.Round(disputes.Score.Precision, 4),
                        recall = Math.Round(disputes.Score.Recall, 4),
                    },
                    errors = briefs.CitationErrors.Concat(disputes?.Errors ?? []).Take(n),
                }, Indented));
                return 0;
            }
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine($"{"story",-26} {"ref",3} {"out",3}  {"brief R1",8} {"R2",6} {"RL",6}  {"lead R1",8} {"R2",6} {"RL",6}");
            foreach (var s in briefs.Stories)
            {
                Console.WriteLine(string.Create(c, $"{s.Story,-26} {s.ReferenceSentences,3} {s.BriefSentences,3}  {s.Brief.Rouge1,8:0.000} {s.Brief.Rouge2,6:0.000} {s.Brief.RougeL,6:0.000}  {s.Lead.Rouge1,8:0.000} {s.Lead.Rouge2,6:0.000} {s.Lead.RougeL,6:0.000}"));
            }
            var b = briefs.Brief;
            var l = briefs.Lead;
            Console.WriteLine(string.Create(c, $"{"mean",-26} {"",3} {"",3}  {b.Rouge1,8:0.000} {b.Rouge2,6:0.000} {b.RougeL,6:0.000}  {l.Rouge1,8:0.000} {l.Rouge2,6:0.000} {l.RougeL,6:0.000}"));
            Console.WriteLine(string.Create(c, $"citations: {briefs.CitedCorrectly}/{briefs.BriefSentences} brief sentences cited only by articles that state them ({briefs.CitationAccuracy:0.000})"));
            if (disputes is not null)
            {
                Console.WriteLine(string.Create(c, $"disagreements: precision {disputes.Score.Precision:0.000} ({disputes.DetectedRight}/{disputes.Detected} detected), recall {disputes.Score.Recall:0.000} ({disputes.ListedFound}/{disputes.Listed} listed)"));
            }
            foreach (var e in briefs.CitationErrors.Concat(disputes?.Errors ?? []).Take(n)) Console.WriteLine(TerminalText.Escape(e));
            return 0;
        });
        return command;
    }

    private static object Round(RougeScore s) => new { rouge1 = Math.Round(s.Rouge1, 4), rouge2 = Math.Round(s.Rouge2, 4), rougeL = Math.Round(s.RougeL, 4) };
}
