using System.CommandLine;
using Warta.Core.Stories;

namespace Warta.Cli.Commands;

/// <summary><c>warta story ID [--json]</c>: a story's articles in time order (copies marked), its entities, dates and quotes.</summary>
internal static class StoryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Story id or a unique prefix of it" };
        var json = new Option<bool>("--json") { Description = "Print the story as JSON" };
        var command = new Command("story", "Show one story: articles in time order, entities, dates mentioned, quotes") { id, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(id) ?? "";
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(error);
            if (store is null) return ExitCodes.Usage;
            var found = await new StoryQueries(store, store).GetAsync(wanted, cancellationToken).ConfigureAwait(false);
            switch (found.Kind)
            {
                case IdResolutionKind.Ambiguous:
                    error.WriteLine($"warta: '{TerminalText.OneLine(wanted)}' names {found.Candidates.Count} stories: {string.Join(", ", found.Candidates)}");
                    return ExitCodes.Usage;
                case IdResolutionKind.NotFound:
                    error.WriteLine($"warta: no story '{TerminalText.OneLine(wanted)}'");
                    return ExitCodes.InputFailed;
            }
            var detail = found.Value!;
            if (parseResult.GetValue(json)) output.WriteLine(ReadJson.Serialize(StoryJson.From(detail)));
            else WriteText(output, detail);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter output, StoryDetail detail)
    {
        var story = detail.Story;
        output.WriteLine($"{story.Id}  {TerminalText.OneLine(story.Headline)}");
        output.WriteLine($"{story.ArticleCount} articles from {StoriesCommand.Outlets(story)}, {StoriesCommand.Time(story.FirstPublished)} .. {StoriesCommand.Time(story.LastPublished)}");
        output.WriteLine();
        output.WriteLine("Articles:");
        foreach (var (assignment, article) in detail.Articles)
        {
            var copy = assignment.CopyOfArticleId is { } original ? $"  (copy of {original})" : "";
            output.WriteLine($"  {article.Published?.ToString() ?? "-",-22} {TerminalText.OneLine(article.Outlet),-18} {article.Id}  {TerminalText.OneLine(article.Title)}{copy}");
        }
        output.WriteLine();
        output.WriteLine("Entities:");
        foreach (var entity in detail.Entities.Take(25))
        {
            output.WriteLine($"  {entity.Mentions,4}  {entity.Type,-12} {TerminalText.OneLine(entity.CanonicalName)}  [{TerminalText.OneLine(string.Join(", ", entity.Aliases))}]");
        }
        output.WriteLine();
        output.WriteLine("Dates mentioned:");
        foreach (var (_, article) in detail.Articles)
        {
            foreach (var time in article.Annotations.Times.Where(static t => t.Value is not null))
            {
                output.WriteLine($"  {TerminalText.OneLine(time.Value),-14} \"{TerminalText.OneLine(time.Text)}\"  ({TerminalText.OneLine(article.Outlet)}, {article.Published})");
            }
        }
        output.WriteLine();
        output.WriteLine("Quotes:");
        foreach (var (_, article) in detail.Articles)
        {
            foreach (var quote in article.Annotations.Quotes)
            {
                var role = quote.SpeakerRole is null ? "" : $", {TerminalText.OneLine(quote.SpeakerRole)}";
                var speaker = quote.Speaker ?? (quote.SpeakerRole is null ? "(unattributed)" : "(unnamed)");
                output.WriteLine($"  {TerminalText.OneLine(speaker)}{role} ({quote.Kind.ToString().ToLowerInvariant()}, {TerminalText.OneLine(article.Outlet)}): {TerminalText.OneLine(quote.Text)}");
            }
        }
    }
}
