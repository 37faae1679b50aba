using System.CommandLine;
using Warta.Core.Model;
using Warta.Core.Stories;

namespace Warta.Cli.Commands;

/// <summary><c>warta articles [--json]</c>: lists stored articles, oldest first, undated last.</summary>
internal static class ArticlesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, published, publishedPrecision, outlet, title}" };
        var command = new Command("articles", "List stored articles: id, published, outlet, title") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(parseResult.InvocationConfiguration.Error);
            if (store is null) return ExitCodes.Usage;
            var articles = await new ArticleQueries(store).ListAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json)) output.WriteLine(ReadJson.Serialize([.. articles.Select(ArticleSummaryJson.From)]));
            else WriteTable(articles, output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<Article> articles, TextWriter output)
    {
        string[] header = ["ID", "PUBLISHED", "OUTLET", "TITLE"];
        var rows = articles
            .Select(static a => new[] { a.Id, a.Published?.ToString() ?? "-", a.Outlet.Length == 0 ? "-" : TerminalText.OneLine(a.Outlet), TerminalText.OneLine(a.Title) })
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
}
