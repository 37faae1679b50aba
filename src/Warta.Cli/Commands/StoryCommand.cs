using System.CommandLine;
using System.Text.Json;
using Warta.Core.Entities;
using Warta.Core.Model;
using Warta.Storage.Sqlite;

namespace Warta.Cli.Commands;

/// <summary><c>warta story ID [--json]</c>: a story's articles in time order (copies marked), its entities, dates and quotes.</summary>
internal static class StoryCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Story id or a unique prefix of it" };
        var json = new Option<bool>("--json") { Description = "Print the story as JSON" };
        var command = new Command("story", "Show one story: articles in time order, entities, dates mentioned, quotes") { id, json };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            using var store = StoreOpening.TryOpen(parseResult.GetValue(GlobalOptions.Db) ?? SqliteInfo.DefaultPath, error);
            if (store is null) return ExitCodes.Usage;
            var story = StoryView.Find(store, parseResult.GetValue(id) ?? "", error);
            if (story is null) return ExitCodes.InputFailed;
            var articles = StoryView.Articles(store, store, story.Id);
            var entities = new StoryEntities();
            // Linked again across the story, as `warta entities` does: a later article's "Kim" joins an earlier "Kim Jong Un".
            foreach (var (_, article) in articles) entities.Add(EntityLinker.Link(article.Annotations.Entities, entities));
            if (parseResult.GetValue(json)) output.WriteLine(StoriesCommand.Json(w => WriteJson(w, story, articles, entities)));
            else WriteText(output, story, articles, entities);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter output, Story story, IReadOnlyList<(StoryAssignment Assignment, Article Article)> articles, StoryEntities entities)
    {
        output.WriteLine($"{story.Id}  {story.Headline.ReplaceLineEndings(" ")}");
        output.WriteLine($"{story.ArticleCount} articles from {string.Join(", ", story.Outlets)}, {StoryView.Time(story.FirstPublished)} .. {StoryView.Time(story.LastPublished)}");
        output.WriteLine();
        output.WriteLine("Articles:");
        foreach (var (assignment, article) in articles)
        {
            var copy = assignment.CopyOfArticleId is { } original ? $"  (copy of {original})" : "";
            output.WriteLine($"  {article.Published?.ToString() ?? "-",-22} {article.Outlet,-18} {article.Id}  {article.Title.ReplaceLineEndings(" ")}{copy}");
        }
        output.WriteLine();
        output.WriteLine("Entities:");
        foreach (var entity in entities.Entities.Take(25))
        {
            output.WriteLine($"  {entity.Mentions,4}  {entity.Type,-12} {entity.CanonicalName}  [{string.Join(", ", entity.Aliases)}]");
        }
        output.WriteLine();
        output.WriteLine("Dates mentioned:");
        foreach (var (_, article) in articles)
        {
            foreach (var time in article.Annotations.Times.Where(static t => t.Value is not null))
            {
                output.WriteLine($"  {time.Value,-14} \"{time.Text}\"  ({article.Outlet}, {article.Published})");
            }
        }
        output.WriteLine();
        output.WriteLine("Quotes:");
        foreach (var (_, article) in articles)
        {
            foreach (var quote in article.Annotations.Quotes)
            {
                var role = quote.SpeakerRole is null ? "" : $", {quote.SpeakerRole}";
                output.WriteLine($"  {quote.Speaker ?? (quote.SpeakerRole is null ? "(unattributed)" : "(unnamed)")}{role} ({quote.Kind.ToString().ToLowerInvariant()}, {article.Outlet}): {quote.Text.ReplaceLineEndings(" ")}");
            }
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, Story story, IReadOnlyList<(StoryAssignment Assignment, Article Article)> articles, StoryEntities entities)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("story");
        StoriesCommand.WriteSummary(writer, story);
        writer.WriteStartArray("articles");
        foreach (var (assignment, article) in articles)
        {
            writer.WriteStartObject();
            writer.WriteString("id", article.Id);
            writer.WriteString("outlet", article.Outlet);
            if (article.Published is { } p) writer.WriteString("published", p.ToString());
            else writer.WriteNull("published");
            writer.WriteString("title", article.Title);
            if (assignment.CopyOfArticleId is { } original) writer.WriteString("copyOf", original);
            else writer.WriteNull("copyOf");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("entities");
        foreach (var entity in entities.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entity.EntityId);
            writer.WriteString("name", entity.CanonicalName);
            writer.WriteString("type", entity.Type.ToString().ToLowerInvariant());
            writer.WriteNumber("mentions", entity.Mentions);
            writer.WriteStartArray("aliases");
            foreach (var alias in entity.Aliases) writer.WriteStringValue(alias);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("dates");
        foreach (var (_, article) in articles)
        {
            foreach (var time in article.Annotations.Times)
            {
                writer.WriteStartObject();
                writer.WriteString("articleId", article.Id);
                ArticleJson.WriteTimeFields(writer, time);
                writer.WriteEndObject();
            }
        }
        writer.WriteEndArray();
        writer.WriteStartArray("quotes");
        foreach (var (_, article) in articles)
        {
            foreach (var quote in article.Annotations.Quotes)
            {
                writer.WriteStartObject();
                writer.WriteString("articleId", article.Id);
                ArticleJson.WriteQuoteFields(writer, quote);
                writer.WriteEndObject();
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
