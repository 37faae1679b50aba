using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Warta.Core.Ingestion;
using Warta.Evaluation;

namespace Warta.Cli.Commands;

/// <summary><c>warta eval metadata PATH</c>: publish-date, title and outlet accuracy on a folder of TimeML articles.</summary>
internal static class EvalMetadataCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Folder of TimeML (.tml) articles, e.g. ../shared/data/timex/kompas-dev" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON" };
        var verbose = new Option<bool>("--misses") { Description = "List every wrong field" };
        var command = new Command("metadata", "Score title, publish date and outlet extraction against TimeML gold") { path, json, verbose };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(path)!;
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"{folder}: no such folder");
                return 2;
            }
            var files = Directory.EnumerateFiles(folder, "*.tml").Order(StringComparer.Ordinal)
                .Select(f => new RawDocument(f, File.ReadAllBytes(f)));
            var result = MetadataEvaluator.Evaluate(files);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    articles = result.Articles,
                    publishedAccuracy = Math.Round(result.PublishedAccuracy, 4),
                    publishedCorrect = result.PublishedCorrect,
                    titleAccuracy = Math.Round(result.TitleAccuracy, 4),
                    titlesCorrect = result.TitlesCorrect,
                    titlesScored = result.TitlesScored,
                    titlesSkipped = result.TitlesSkipped,
                    outletMatches = result.OutletMatches,
                    expectedOutlet = MetadataEvaluator.ExpectedOutlet,
                    errors = result.Errors,
                    misses = result.Misses,
                }, Indented));
                return 0;
            }
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine($"{"measure",-28} {"value",8}  detail");
            Console.WriteLine($"{"articles",-28} {result.Articles,8}");
            Console.WriteLine(string.Create(c, $"{"published accuracy",-28} {result.PublishedAccuracy,8:0.0000}  {result.PublishedCorrect}/{result.Articles}"));
            Console.WriteLine(string.Create(c, $"{"title exact-match accuracy",-28} {result.TitleAccuracy,8:0.0000}  {result.TitlesCorrect}/{result.TitlesScored} ({result.TitlesSkipped} without gold title skipped)"));
            Console.WriteLine($"{"outlet " + MetadataEvaluator.ExpectedOutlet,-28} {result.OutletMatches,8}  of {result.Articles}");
            Console.WriteLine($"{"errors",-28} {result.Errors,8}");
            if (parseResult.GetValue(verbose))
            {
                foreach (var miss in result.Misses) Console.WriteLine("  " + miss);
            }
            return 0;
        });
        return command;
    }
}
