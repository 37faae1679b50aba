using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Warta.Core.Entities;
using Warta.Evaluation;
using Warta.Evaluation.Entities;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval ner DATASET-FOLDER</c>: entity-level (CoNLL) precision/recall/F1 of the NER model on the folder's dev/valid split.</summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("dataset-folder") { Description = "A folder of ../shared/data/ner holding dev.* or valid.*" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var model = new Option<string?>("--model") { Description = "Score this model file instead of the shipped one" };
        var inDomain = new Option<bool>("--in-domain")
        {
            Description = "Score a model trained in memory on the folder's own train split (the published protocol; never saved or shipped)",
        };
        var domainOption = new Option<string?>("--domain")
        {
            Description = "Tag with this training domain's weights ('shared' for the shared weights alone) instead of the one matching the folder",
        };
        var predictions = new Option<string?>("--predictions")
        {
            Description = "Write each token with its gold and predicted label to this file (CoNLL columns, a blank line between sentences)",
        };
        var command = new Command("ner", "Entity-level P/R/F1 (exact span and type) of the NER tagger on a dev/valid split")
        {
            folder, json, model, inDomain, domainOption, predictions,
        };
        command.SetAction(parseResult =>
        {
            var dir = parseResult.GetValue(folder)!;
            var split = Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir).Where(IsHeldOut).Order(StringComparer.Ordinal).FirstOrDefault()
                : null;
            if (split is null)
            {
                Console.Error.WriteLine($"no dev.* or valid.* file in {dir}");
                return 2;
            }
            var modelPath = parseResult.GetValue(model);
            EntityTagger tagger;
            if (parseResult.GetValue(inDomain))
            {
                var train = Directory.EnumerateFiles(dir).FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == "train");
                if (train is null)
                {
                    Console.Error.WriteLine($"no train.* file in {dir} for --in-domain");
                    return 2;
                }
                IReadOnlyList<NerSentence> trainSentences;
                using (var reader = File.OpenText(train)) trainSentences = NerDatasetReader.Read(reader);
                tagger = new EntityTaggerTrainer().Train(trainSentences, $"in-domain: {train}");
                if (!parseResult.GetValue(json)) Console.WriteLine($"model trained in memory on {train} ({trainSentences.Count} sentences), not saved");
            }
            else if (modelPath is null) tagger = EntityTagger.Shipped;
            else
            {
                try
                {
                    using var stream = File.OpenRead(modelPath);
                    tagger = EntityTagger.Load(stream);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException)
                {
                    Console.Error.WriteLine($"{modelPath}: cannot read NER model: {e.Message}");
                    return 2;
                }
            }
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
            // A set the model trained on (its train split) is scored with that set's domain weights; any other with the default.
            var asked = parseResult.GetValue(domainOption);
            if (asked is not null)
            {
                if (asked != "shared" && !tagger.Domains.Contains(asked, StringComparer.Ordinal))
                {
                    Console.Error.WriteLine($"the model has no domain '{asked}' (domains: {string.Join(", ", tagger.Domains.Append("shared"))})");
                    return 2;
                }
                tagger = tagger.ForDomain(asked == "shared" ? null : asked);
            }
            else tagger = tagger.ForDataset(name);
            IReadOnlyList<NerSentence> sentences;
            using (var reader = File.OpenText(split)) sentences = NerDatasetReader.Read(reader);
            var predictionsPath = parseResult.GetValue(predictions);
            StreamWriter? predictionsWriter = null;
            if (predictionsPath is not null)
            {
                try
                {
                    predictionsWriter = new StreamWriter(predictionsPath, append: false, new System.Text.UTF8Encoding(false));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    Console.Error.WriteLine($"{predictionsPath}: cannot write predictions: {e.Message}");
                    return 2;
                }
            }
            var watch = Stopwatch.StartNew();
            ConllReport report;
            using (predictionsWriter)
            {
                report = NerEvaluator.Evaluate(tagger, sentences, predictionsWriter is null ? null : (sentence, predicted) =>
                {
                    for (var i = 0; i < sentence.Tokens.Count; i++)
                    {
                        predictionsWriter.Write(sentence.Tokens[i]);
                        predictionsWriter.Write('\t');
                        predictionsWriter.Write(sentence.Labels[i]);
                        predictionsWriter.Write('\t');
                        predictionsWriter.WriteLine(predicted[i]);
                    }
                    predictionsWriter.WriteLine();
                });
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var domain = tagger.Domain ?? "shared";
            if (parseResult.GetValue(json))
            {
                var payload = new Dictionary<string, object>
                {
                    ["dataset"] = name,
                    ["split"] = Path.GetFileName(split),
                    ["domain"] = domain,
                    ["sentences"] = report.Sentences,
                    ["tokens"] = report.Tokens,
                    ["overall"] = Scores(report.Overall),
                    ["byType"] = report.ByType.ToDictionary(kv => kv.Key, kv => (object)Scores(kv.Value)),
                };
                Console.WriteLine(JsonSerializer.Serialize(payload));
                return 0;
            }
            Console.WriteLine($"{name}/{Path.GetFileName(split)}: {report.Sentences} sentences, {report.Tokens} tokens; model domain {domain}");
            Console.WriteLine($"{"type",-8} {"P",7} {"R",7} {"F1",7} {"gold",6} {"pred",6}");
            foreach (var (type, score) in report.ByType) Console.WriteLine(Row(type, score));
            Console.WriteLine(Row("overall", report.Overall));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tagging speed {report.Tokens / seconds:F0} tokens/s (including feature extraction)"));
            return 0;
        });
        return command;
    }

    private static bool IsHeldOut(string path) => Path.GetFileNameWithoutExtension(path) is "dev" or "valid";

    private static Dictionary<string, object> Scores(ChunkScore s) => new()
    {
        ["precision"] = Math.Round(s.Precision * 100, 2),
        ["recall"] = Math.Round(s.Recall * 100, 2),
        ["f1"] = Math.Round(s.F1 * 100, 2),
        ["gold"] = s.Gold,
        ["predicted"] = s.Predicted,
        ["correct"] = s.Correct,
    };

    private static string Row(string label, ChunkScore s) => string.Create(CultureInfo.InvariantCulture,
        $"{label,-8} {s.Precision * 100,7:F2} {s.Recall * 100,7:F2} {s.F1 * 100,7:F2} {s.Gold,6} {s.Predicted,6}");
}
