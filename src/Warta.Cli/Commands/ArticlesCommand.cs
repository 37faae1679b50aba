using System.CommandLine;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Storage.Sqlite;

namespace Warta.Cli.Commands;

/// <summary><c>warta articles [--json]</c>: lists stored articles, oldest first, undated last.</summary>
internal static class ArticlesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, published, publishedPrecision, outlet, title}" };
        var command = new Command("articles", "List stored articles: id, published, outlet, title") { json };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = StoreOpening.TryOpen(parseResult.GetValue(GlobalOptions.Db) ?? SqliteInfo.DefaultPath, parseResult.InvocationConfiguration.Error);
            if (store is null) return ExitCodes.Usage;
            var articles = store.List();
            if (parseResult.GetValue(json)) WriteJson(articles, output);
            else WriteTable(articles, output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(IReadOnlyList<Article> articles, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ArticleJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var article in articles) ArticleJson.WriteSummary(writer, article);
            writer.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTable(IReadOnlyList<Article> articles, TextWriter output)
    {
        string[] header = ["ID", "PUBLISHED", "OUTLET", "TITLE"];
        var rows = articles
            .Select(static a => new[] { a.Id, a.Published?.ToString() ?? "-", a.Outlet.Length == 0 ? "-" : a.Outlet, OneLine(a.Title) })
            .Prepend(header)
            .ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var padded = row.Take(widths.Length).Select((cell, i) => cell.PadRight(widths[i]));
            output.WriteLine(string.Join("  ", padded.Append(row[^1])));
        }
        output.WriteLine($"{articles.Count} article{(articles.Count == 1 ? "" : "s")}");
    }

    /// <summary>A title with a line break would split a table row.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
