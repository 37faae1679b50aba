using System.CommandLine;
using Warta.Core.Model;
using Warta.Core.Stories;

namespace Warta.Cli.Commands;

/// <summary><c>warta stories [--json]</c>: lists stories with headline, size, outlets and time span.</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, headline, articleCount, outlets, firstPublished, lastPublished}" };
        var command = new Command("stories", "List stories: id, article count, first and last publication, outlets, headline") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(parseResult.InvocationConfiguration.Error);
            if (store is null) return ExitCodes.Usage;
            var stories = await new StoryQueries(store, store).TimelineAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                output.WriteLine(ReadJson.Serialize([.. stories.Select(StorySummaryJson.From)]));
                return ExitCodes.Ok;
            }
            foreach (var s in stories)
            {
                output.WriteLine($"{s.Id}  {s.ArticleCount,3}  {Time(s.FirstPublished)} .. {Time(s.LastPublished)}  [{Outlets(s)}]  {TerminalText.OneLine(s.Headline)}");
            }
            output.WriteLine($"{stories.Count} stor{(stories.Count == 1 ? "y" : "ies")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>An instant as the JSON prints it, or "-" when unknown.</summary>
    public static string Time(DateTimeOffset? value) => value is { } v ? ArticleJson.FormatInstant(v) : "-";

    public static string Outlets(Story story) => TerminalText.OneLine(string.Join(", ", story.Outlets));
}
