using System.CommandLine;
using Warta.Evaluation.Load;

namespace Warta.Cli.Commands;

/// <summary><c>warta bench records --articles N</c>: writes N realistic JSON Lines records (a set replayed with fresh names), to build a large store or feed a load run.</summary>
internal static class BenchRecordsCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Folder of articles (default samples/corpus) or a uci-news CSV of headlines", DefaultValueFactory = _ => Path.Combine("samples", "corpus") };
        var count = new Option<int>("--articles") { Description = "How many records", DefaultValueFactory = _ => 10_000 };
        var firstRound = new Option<int>("--first-round") { Description = "Replay round to start from (rounds differ in names, places, numbers and time)", DefaultValueFactory = _ => 0 };
        var outputFile = new Option<string?>("--output") { Description = "Write to this file instead of stdout" };
        var perDay = new Option<double>("--per-day") { Description = "Articles a day once the replayed rounds overlap fully (rounds start this often)", DefaultValueFactory = _ => ArticleRecords.DefaultArticlesPerDay };
        var command = new Command("records", "Write realistic JSON Lines article records: a set replayed with fresh names, places and numbers each round") { input, count, firstRound, outputFile, perDay };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var set = BenchStreamCommand.Load(parseResult.GetValue(input)!, error);
            if (set.Count == 0) return ExitCodes.Usage;
            if (!(parseResult.GetValue(perDay) > 0))
            {
                error.WriteLine($"warta: --per-day must be a positive number of articles, not {parseResult.GetValue(perDay)}");
                return ExitCodes.Usage;
            }
            var path = parseResult.GetValue(outputFile);
            using var file = path is null ? null : new StreamWriter(path);
            var output = file ?? parseResult.InvocationConfiguration.Output;
            foreach (var line in new ArticleRecords(set, parseResult.GetValue(perDay)).From(parseResult.GetValue(firstRound)).Take(Math.Max(0, parseResult.GetValue(count)))) output.WriteLine(line);
            return ExitCodes.Ok;
        });
        return command;
    }
}
