using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Warta.Evaluation;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval timex PATH [--gold FILE]</c>: recognition and normalisation of temporal expressions against TimeML TIMEX3 gold,
/// inline or stand-off.</summary>
internal static class EvalTimexCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A TimeML file or a folder of *.tml files (e.g. ../shared/data/timex/kompas-dev)" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON" };
        var errors = new Option<int>("--errors") { Description = "Also list the first N disagreements (missed, spurious, boundary, type, value)" };
        var gold = new Option<string?>("--gold")
        {
            Description = "Stand-off TIMEX3 gold (docid, occurrence, text, type, value) replacing the documents' inline annotation, e.g. eval/timex/kompas-dev.timex.tsv",
        };
        var cmd = new Command("timex", "Score temporal expression recognition and normalisation against TimeML gold") { path, json, errors, gold };
        cmd.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(path)!;
            var files = Directory.Exists(target)
                ? Directory.GetFiles(target, "*.tml").Order(StringComparer.Ordinal).ToArray()
                : File.Exists(target) ? [target] : [];
            if (files.Length == 0)
            {
                Console.Error.WriteLine($"no TimeML files at {target}");
                return 2;
            }
            IReadOnlyList<TimeMlDocument> documents = files.Select(f => TimeMlReader.Read(new StringReader(Decode(File.ReadAllBytes(f))))).ToList();
            if (parseResult.GetValue(gold) is { } goldFile)
            {
                if (!File.Exists(goldFile))
                {
                    Console.Error.WriteLine($"no gold file at {goldFile}");
                    return 2;
                }
                try
                {
                    using var standoff = new StreamReader(goldFile, Encoding.UTF8);
                    documents = TimexStandoffReader.Apply(standoff, goldFile, documents);
                }
                catch (FormatException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 2;
                }
            }
            var evaluation = TimexEvaluator.Evaluate(documents);
            var score = evaluation.Score;
            if (parseResult.GetValue(json)) Console.WriteLine(ToJson(score));
            else PrintTable(score);
            var n = parseResult.GetValue(errors);
            foreach (var e in evaluation.Errors.Take(n))
            {
                var gold = e.Gold is null ? "-" : $"{e.Gold.Type.ToString().ToUpperInvariant()} {e.Gold.Value}";
                var predicted = e.Predicted is null ? "-" : $"{e.Predicted.Type.ToString().ToUpperInvariant()} {e.Predicted.Value} \"{e.Predicted.Text}\"";
                Console.WriteLine($"{e.Kind,-10} {e.DocumentId}  gold: {gold}  predicted: {predicted}\n           {e.Context}");
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the Kompas TimeML files).</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static void PrintTable(TimexScore s)
    {
        Console.WriteLine($"documents {s.Documents}   gold TIMEX3 {s.Gold}   predicted {s.Predicted}");
        if (!s.HasGold)
        {
            Console.WriteLine("the documents carry no TIMEX3 annotations in TEXT (only the DCT): recognition and normalisation cannot be scored;");
            Console.WriteLine("for the Kompas development set pass the repository's stand-off gold: --gold eval/timex/kompas-dev.timex.tsv");
        }
        Console.WriteLine($"{"",-16}{"P",8}{"R",8}{"F1",8}");
        Console.WriteLine($"{"strict",-16}{F(s.StrictPrecision),8}{F(s.StrictRecall),8}{F(s.StrictF1),8}");
        Console.WriteLine($"{"relaxed",-16}{F(s.RelaxedPrecision),8}{F(s.RelaxedRecall),8}{F(s.RelaxedF1),8}");
        Console.WriteLine($"type accuracy          {F(s.TypeAccuracy)}   (over {s.RelaxedMatches} relaxed matches)");
        Console.WriteLine($"normalisation accuracy {F(s.NormalisationAccuracy)}   value F1 {F(s.ValueF1)}");
    }

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string ToJson(TimexScore s)
    {
        static double? N(double v) => double.IsNaN(v) ? null : Math.Round(v, 4);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["documents"] = s.Documents,
            ["gold"] = s.Gold,
            ["predicted"] = s.Predicted,
            ["strictMatches"] = s.StrictMatches,
            ["relaxedMatches"] = s.RelaxedMatches,
            ["strictPrecision"] = N(s.StrictPrecision),
            ["strictRecall"] = N(s.StrictRecall),
            ["strictF1"] = N(s.StrictF1),
            ["relaxedPrecision"] = N(s.RelaxedPrecision),
            ["relaxedRecall"] = N(s.RelaxedRecall),
            ["relaxedF1"] = N(s.RelaxedF1),
            ["typeAccuracy"] = N(s.TypeAccuracy),
            ["normalisationAccuracy"] = N(s.NormalisationAccuracy),
            ["valueF1"] = N(s.ValueF1),
        });
    }
}
