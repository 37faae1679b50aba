using System.CommandLine;
using Warta.Core.Stories;

namespace Warta.Cli.Commands;

/// <summary><c>warta entities [--json]</c> and <c>warta entity NAME [--json]</c>: entities across stories, and the stories one appears in.</summary>
internal static class EntitiesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, name, type, mentions, stories, aliases}" };
        var command = new Command("entities", "List entities across stories: mentions, number of stories, aliases") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(parseResult.InvocationConfiguration.Error);
            if (store is null) return ExitCodes.Usage;
            var entities = await new StoryQueries(store, store).EntitiesAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                output.WriteLine(ReadJson.Serialize([.. entities.Select(EntityJson.From)]));
                return ExitCodes.Ok;
            }
            foreach (var (e, stories) in entities)
            {
                output.WriteLine($"{e.Mentions,5} {stories.Count,3}  {e.Type,-12} {TerminalText.OneLine(e.CanonicalName)}  [{TerminalText.OneLine(string.Join(", ", e.Aliases))}]");
            }
            output.WriteLine($"{entities.Count} entities (columns: mentions, stories, type, name, aliases)");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateSingle()
    {
        var name = new Argument<string>("name") { Description = "Entity name or alias, e.g. 'Korut' or 'Kim Jong Un'" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, name, type, mentions, aliases, stories: [story summaries]}" };
        var command = new Command("entity", "Show the stories an entity appears in") { name, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(name) ?? "";
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(error);
            if (store is null) return ExitCodes.Usage;
            var matches = await new StoryQueries(store, store).FindEntityAsync(wanted, cancellationToken).ConfigureAwait(false);
            if (matches.Count == 0)
            {
                error.WriteLine($"warta: no entity named '{TerminalText.OneLine(wanted)}'");
                return ExitCodes.InputFailed;
            }
            if (parseResult.GetValue(json))
            {
                output.WriteLine(ReadJson.Serialize([.. matches.Select(EntityDetailJson.From)]));
                return ExitCodes.Ok;
            }
            foreach (var (e, stories) in matches)
            {
                output.WriteLine($"{TerminalText.OneLine(e.CanonicalName)} ({e.Type.ToString().ToLowerInvariant()}, {e.Mentions} mentions; aliases: {TerminalText.OneLine(string.Join(", ", e.Aliases))})");
                foreach (var story in stories)
                {
                    output.WriteLine($"  {story.Id}  {story.ArticleCount,3}  {TerminalText.OneLine(story.Headline)}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
