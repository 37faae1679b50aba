using System.CommandLine;
using Warta.Core.Entities;
using Warta.Core.Model;
using Warta.Storage.Sqlite;

namespace Warta.Cli.Commands;

/// <summary><c>warta entities [--json]</c> and <c>warta entity NAME</c>: entities across stories, and the stories one appears in.</summary>
internal static class EntitiesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, name, type, mentions, stories, aliases}" };
        var command = new Command("entities", "List entities across stories: mentions, number of stories, aliases") { json };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = StoreOpening.TryOpen(parseResult.GetValue(GlobalOptions.Db) ?? SqliteInfo.DefaultPath, parseResult.InvocationConfiguration.Error);
            if (store is null) return ExitCodes.Usage;
            var (entities, storiesOf) = Collect(store);
            var list = entities.Entities;
            if (parseResult.GetValue(json))
            {
                output.WriteLine(StoriesCommand.Json(writer =>
                {
                    writer.WriteStartArray();
                    foreach (var e in list)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", e.EntityId);
                        writer.WriteString("name", e.CanonicalName);
                        writer.WriteString("type", e.Type.ToString().ToLowerInvariant());
                        writer.WriteNumber("mentions", e.Mentions);
                        writer.WriteNumber("stories", storiesOf[e.EntityId].Count);
                        writer.WriteStartArray("aliases");
                        foreach (var alias in e.Aliases) writer.WriteStringValue(alias);
                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }));
                return ExitCodes.Ok;
            }
            foreach (var e in list)
            {
                output.WriteLine($"{e.Mentions,5} {storiesOf[e.EntityId].Count,3}  {e.Type,-12} {e.CanonicalName}  [{string.Join(", ", e.Aliases)}]");
            }
            output.WriteLine($"{list.Count} entities (columns: mentions, stories, type, name, aliases)");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateSingle()
    {
        var name = new Argument<string>("name") { Description = "Entity name or alias, e.g. 'Korut' or 'Kim Jong Un'" };
        var command = new Command("entity", "Show the stories an entity appears in") { name };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            using var store = StoreOpening.TryOpen(parseResult.GetValue(GlobalOptions.Db) ?? SqliteInfo.DefaultPath, error);
            if (store is null) return ExitCodes.Usage;
            var wanted = EntityLinker.Normalise(parseResult.GetValue(name) ?? "");
            var (entities, storiesOf) = Collect(store);
            var matches = entities.Entities
                .Where(e => EntityLinker.Normalise(e.CanonicalName) == wanted || e.Aliases.Any(a => EntityLinker.Normalise(a) == wanted))
                .ToList();
            if (matches.Count == 0)
            {
                error.WriteLine($"warta: no entity named '{parseResult.GetValue(name)}'");
                return ExitCodes.InputFailed;
            }
            foreach (var e in matches)
            {
                output.WriteLine($"{e.CanonicalName} ({e.Type.ToString().ToLowerInvariant()}, {e.Mentions} mentions; aliases: {string.Join(", ", e.Aliases)})");
                foreach (var storyId in storiesOf[e.EntityId].Order(StringComparer.Ordinal))
                {
                    var story = store.GetStory(storyId);
                    output.WriteLine($"  {storyId}  {story?.ArticleCount ?? 0,3}  {story?.Headline.ReplaceLineEndings(" ")}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Entities of all stored articles, linked across each story, and the current stories each appears in.</summary>
    private static (StoryEntities Entities, Dictionary<string, HashSet<string>> StoriesOf) Collect(SqliteStore store)
    {
        var all = new StoryEntities();
        var storiesOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var story in StoryView.Current(store))
        {
            var perStory = new StoryEntities();
            foreach (var (_, article) in StoryView.Articles(store, store, story.Id))
            {
                var linked = EntityLinker.Link(article.Annotations.Entities, perStory);
                perStory.Add(linked);
                all.Add(linked);
                foreach (var mention in linked)
                {
                    if (!storiesOf.TryGetValue(mention.EntityId, out var set)) storiesOf[mention.EntityId] = set = new(StringComparer.Ordinal);
                    set.Add(story.Id);
                }
            }
        }
        return (all, storiesOf);
    }
}
