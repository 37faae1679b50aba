using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Warta.Evaluation.Stories;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval quotes [--corpus DIR] [--gold FILE] [--errors N]</c>: quote recognition and attribution on a corpus against hand-attributed speakers.</summary>
internal static class EvalQuotesCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "The corpus folder the gold describes", DefaultValueFactory = _ => Path.Combine("samples", "corpus") };
        var gold = new Option<string>("--gold")
        {
            Description = "Quote speaker gold (source, quote_start, speaker, kind, cue, note)",
            DefaultValueFactory = _ => Path.Combine("eval", "quotes", "sample-corpus.tsv"),
        };
        var errors = new Option<int>("--errors") { Description = "Also list the first N errors (missed, spurious, wrong speaker)" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON" };
        var command = new Command("quotes", "Score quote recognition and speaker attribution against hand-attributed quotes") { corpus, gold, errors, json };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(corpus)!;
            var goldFile = parseResult.GetValue(gold)!;
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"{folder}: no such folder");
                return 2;
            }
            if (!File.Exists(goldFile))
            {
                Console.Error.WriteLine($"no gold file at {goldFile}");
                return 2;
            }
            IReadOnlyList<QuoteGold> rows;
            try
            {
                using var reader = new StreamReader(goldFile, Encoding.UTF8);
                rows = QuoteGold.Read(reader, goldFile);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            var result = QuoteEvaluator.Evaluate(rows, CorpusArticles.Read(folder));
            var shown = result.Errors.Take(Math.Max(0, parseResult.GetValue(errors))).ToList();
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    gold = result.Gold,
                    extracted = result.Extracted,
                    matched = result.Matched,
                    precision = Math.Round(result.Recognition.Precision, 4),
                    recall = Math.Round(result.Recognition.Recall, 4),
                    f1 = Math.Round(result.Recognition.F1, 4),
                    speakerRight = result.SpeakerRight,
                    attributionAccuracy = Math.Round(result.AttributionAccuracy, 4),
                    errors = shown.Select(static e => new { kind = e.Kind, source = e.Source, text = e.Text, expected = e.Expected, got = e.Got }),
                }, Indented));
                return 0;
            }
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine($"{"measure",-22} {"value",8}  detail");
            Console.WriteLine(string.Create(c, $"{"recognition precision",-22} {result.Recognition.Precision,8:0.0000}  {result.Matched}/{result.Extracted} extracted"));
            Console.WriteLine(string.Create(c, $"{"recognition recall",-22} {result.Recognition.Recall,8:0.0000}  {result.Matched}/{result.Gold} gold"));
            Console.WriteLine(string.Create(c, $"{"recognition F1",-22} {result.Recognition.F1,8:0.0000}"));
            Console.WriteLine(string.Create(c, $"{"attribution accuracy",-22} {result.AttributionAccuracy,8:0.0000}  {result.SpeakerRight}/{result.Matched} matched"));
            foreach (var e in shown)
            {
                Console.WriteLine(TerminalText.Escape($"{e.Kind,-8} {e.Source}  \"{e.Text}\"  expected {e.Expected ?? "-"}, got {e.Got ?? "-"}"));
            }
            return 0;
        });
        return command;
    }
}
