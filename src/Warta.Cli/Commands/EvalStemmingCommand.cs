using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Warta.Evaluation;
using Warta.Text;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval stemming [PATH]</c>: lemma accuracy of the Indonesian stemmer on affixed words of a UD CoNLL-U file.</summary>
internal static class EvalStemmingCommand
{
    private const string DefaultPath = "../shared/data/stemming/id_csui-ud-train.conllu";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "CoNLL-U file with lemmas",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultPath,
        };
        var errors = new Option<int>("--errors") { Description = "Print the N most frequent misses of the full stemmer" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var command = new Command("stemming", "Lemma accuracy of the Indonesian stemmer on affixed words (UD-CSUI)") { path, errors, json };
        command.SetAction(parseResult => Run(parseResult.GetValue(path)!, parseResult.GetValue(errors), parseResult.GetValue(json)));
        return command;
    }

    private static int Run(string path, int errors, bool json)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"not found: {path}");
            return 2;
        }
        List<ConlluWord> words;
        using (var reader = File.OpenText(path)) words = [.. ConlluReader.ReadWords(reader)];

        var stemmer = TextServices.IndonesianStemmer();
        var full = StemmingEvaluator.Score(words, form => stemmer.Stem(TextNormalizer.Normalize(form)));
        var rules = StemmingEvaluator.Score(words, form => IndonesianRuleStemmer.Stem(TextNormalizer.Normalize(form)));
        var withoutDictionary = new IndonesianStemmer("scored without dictionary");
        var fallback = StemmingEvaluator.Score(words, form => withoutDictionary.Stem(TextNormalizer.Normalize(form)));

        if (json)
        {
            var result = new
            {
                path,
                count = full.Count,
                accuracy = full.Accuracy,
                rulesOnlyAccuracy = rules.Accuracy,
                withoutDictionaryAccuracy = fallback.Accuracy,
                dictionary = stemmer.HasDictionary,
                warning = stemmer.Warning,
                misses = full.Misses.Take(errors).Select(m => new { form = m.Form, expected = m.Expected, actual = m.Actual, count = m.Count }),
            };
            Console.WriteLine(JsonSerializer.Serialize(result, Indented));
            return 0;
        }

        Console.WriteLine($"Stemming on {Path.GetFileName(path)}: {full.Count.ToString(CultureInfo.InvariantCulture)} affixed words");
        Console.WriteLine($"  {"stemmer",-44} {"correct",8} {"accuracy",9}");
        Print(stemmer.HasDictionary ? "hunspell-id + confix search + rules (Warta)" : "rules + particles (no dictionary)", full);
        Print("fallback without dictionary", fallback);
        Print("Lucene rule-based only (before)", rules);
        if (errors > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"  Most frequent misses ({Math.Min(errors, full.Misses.Count).ToString(CultureInfo.InvariantCulture)} of {full.Misses.Count.ToString(CultureInfo.InvariantCulture)} distinct):");
            Console.WriteLine($"  {"count",5}  {"form",-24} {"lemma",-18} {"stem",-18}");
            foreach (var miss in full.Misses.Take(errors))
            {
                Console.WriteLine($"  {miss.Count.ToString(CultureInfo.InvariantCulture),5}  {miss.Form,-24} {miss.Expected,-18} {miss.Actual,-18}");
            }
        }
        return 0;
    }

    private static void Print(string name, StemmingScore score) =>
        Console.WriteLine($"  {name,-44} {score.Correct.ToString(CultureInfo.InvariantCulture),8} {score.Accuracy.ToString("P1", CultureInfo.InvariantCulture),9}");
}
