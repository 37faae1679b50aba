using System.CommandLine;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Storage.Sqlite;

namespace Warta.Cli.Commands;

/// <summary><c>warta stories [--json]</c>: lists stories with headline, size, outlets and time span.</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, headline, articleCount, outlets, firstPublished, lastPublished}" };
        var command = new Command("stories", "List stories: id, article count, first and last publication, outlets, headline") { json };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = StoreOpening.TryOpen(parseResult.GetValue(GlobalOptions.Db) ?? SqliteInfo.DefaultPath, parseResult.InvocationConfiguration.Error);
            if (store is null) return ExitCodes.Usage;
            var stories = StoryView.Current(store).OrderBy(static s => s.FirstPublished ?? DateTimeOffset.MaxValue).ThenBy(static s => s.Id, StringComparer.Ordinal).ToList();
            if (parseResult.GetValue(json))
            {
                output.WriteLine(Json(writer =>
                {
                    writer.WriteStartArray();
                    foreach (var story in stories) WriteSummary(writer, story);
                    writer.WriteEndArray();
                }));
                return ExitCodes.Ok;
            }
            foreach (var s in stories)
            {
                output.WriteLine($"{s.Id}  {s.ArticleCount,3}  {StoryView.Time(s.FirstPublished)} .. {StoryView.Time(s.LastPublished)}  [{string.Join(", ", s.Outlets)}]  {s.Headline.ReplaceLineEndings(" ")}");
            }
            output.WriteLine($"{stories.Count} stor{(stories.Count == 1 ? "y" : "ies")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void WriteSummary(Utf8JsonWriter writer, Story story)
    {
        writer.WriteStartObject();
        writer.WriteString("id", story.Id);
        writer.WriteString("headline", story.Headline);
        writer.WriteNumber("articleCount", story.ArticleCount);
        writer.WriteStartArray("outlets");
        foreach (var outlet in story.Outlets) writer.WriteStringValue(outlet);
        writer.WriteEndArray();
        WriteTime(writer, "firstPublished", story.FirstPublished);
        WriteTime(writer, "lastPublished", story.LastPublished);
        writer.WriteEndObject();
    }

    public static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v) writer.WriteString(name, ArticleJson.FormatInstant(v));
        else writer.WriteNull(name);
    }

    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ArticleJson.WriterOptions)) write(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
