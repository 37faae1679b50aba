using System.CommandLine;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Storage.Sqlite;

namespace Warta.Cli.Commands;

/// <summary><c>warta article ID [--json]</c>: shows one article in full, found by id or unique id prefix.</summary>
internal static class ArticleCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Article id, or a prefix of it that matches one article" };
        var json = new Option<bool>("--json") { Description = "Print the article as JSON (format in README.md)" };
        var command = new Command("article", "Show one article: metadata with provenance, paragraphs, annotations") { id, json };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(id) ?? "";
            using var store = StoreOpening.TryOpen(parseResult.GetValue(GlobalOptions.Db) ?? SqliteInfo.DefaultPath, error);
            if (store is null) return ExitCodes.Usage;

            var article = store.Get(wanted);
            if (article is null && wanted.Length > 0)
            {
                var matches = store.IdsStartingWith(wanted, limit: 6);
                if (matches.Count > 1)
                {
                    error.WriteLine($"warta: id prefix '{wanted}' matches several articles: {string.Join(", ", matches.Take(5))}{(matches.Count > 5 ? ", …" : "")}");
                    return ExitCodes.Usage;
                }
                if (matches.Count == 1) article = store.Get(matches[0]);
            }
            if (article is null)
            {
                error.WriteLine($"warta: no article with id or id prefix '{wanted}'");
                return ExitCodes.InputFailed;
            }

            if (parseResult.GetValue(json)) WriteJson(article, output);
            else WriteText(article, output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(Article article, TextWriter output) => output.WriteLine(ArticleJson.Serialize(article));

    private static void WriteText(Article article, TextWriter output)
    {
        void Field(string name, string? value, string? provenanceKey = null)
        {
            var signal = provenanceKey is not null && article.Provenance.TryGetValue(provenanceKey, out var s) ? $"   [from {s}]" : "";
            output.WriteLine($"{name + ":",-11}{(string.IsNullOrEmpty(value) ? "-" : value)}{signal}");
        }

        Field("id", article.Id);
        Field("title", article.Title, "title");
        Field("outlet", article.Outlet, "outlet");
        Field("published", article.Published is { } p ? $"{p} ({p.Precision.ToString().ToLowerInvariant()})" : null, "published");
        Field("authors", string.Join(", ", article.Authors), "authors");
        Field("language", article.Language, "language");
        Field("url", article.Url, "url");
        Field("source", article.Source);
        var shown = new HashSet<string>(["title", "outlet", "published", "authors", "language", "url"], StringComparer.Ordinal);
        foreach (var (field, signal) in article.Provenance.Where(p => !shown.Contains(p.Key)).OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{field + ":",-11}[from {signal}]");
        }

        foreach (var paragraph in article.Paragraphs)
        {
            output.WriteLine();
            output.WriteLine(paragraph);
        }

        var annotations = article.Annotations;
        if (annotations.Entities.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("entities:");
            foreach (var e in annotations.Entities)
            {
                output.WriteLine($"  {e.Start,6}+{e.Length,-3} {e.Text} → {e.CanonicalName} ({e.Type.ToString().ToLowerInvariant()}, {e.EntityId})");
            }
        }
        if (annotations.Times.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("times:");
            foreach (var t in annotations.Times)
            {
                output.WriteLine($"  {t.Start,6}+{t.Length,-3} {t.Text} → {t.Value ?? "?"} ({t.Type.ToString().ToLowerInvariant()})");
            }
        }
        if (annotations.Quotes.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("quotes:");
            foreach (var q in annotations.Quotes)
            {
                var role = q.SpeakerRole is null ? "" : $", {q.SpeakerRole}";
                output.WriteLine($"  {q.Start,6}+{q.Length,-3} “{q.Text}” — {q.Speaker ?? (q.SpeakerRole is null ? "unattributed" : "unnamed")}{role} ({q.Kind.ToString().ToLowerInvariant()}, {q.Cue})");
            }
        }
    }
}
