using System.CommandLine;
using System.Globalization;
using System.Text;
using Warta.Core.Model;
using Warta.Core.Search;

namespace Warta.Cli.Commands;

/// <summary><c>warta search QUERY</c>: articles (or stories) matching a query, their counts per day or week, or all hits exported.</summary>
/// <remarks>The index is the store's (Lucene beside an SQLite file, full-text search in a PostgreSQL store), read-only here
/// (no lock; it runs beside an ingest). A store without an index is told to run
/// <c>warta index rebuild</c> rather than having one built by a reader: building takes the store's write lock, which a
/// read command never takes. An index behind the store (its writer crashed) is searched as it is, with a warning.</remarks>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query")
        {
            Description = "Words (all must match), OR, \"phrases\", -exclusions, outlet:, lang:, since:/until: (yyyy-mm-dd), entity:, story:",
            Arity = ArgumentArity.OneOrMore,
        };
        var stories = new Option<bool>("--stories") { Description = "List matching stories (ranked by their articles' hits and freshness) instead of articles" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var limit = new Option<int>("--limit") { Description = "Hits to show (default 20)", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Hits to skip first" };
        var byTime = new Option<bool>("--newest") { Description = "Newest first instead of best match first" };
        var perDay = new Option<bool>("--per-day") { Description = "Count matching articles per day" };
        var perWeek = new Option<bool>("--per-week") { Description = "Count matching articles per ISO week (by its Monday)" };
        var byOutlet = new Option<bool>("--by-outlet") { Description = "With --per-day/--per-week: one count per outlet and period" };
        var export = new Option<string?>("--export") { Description = "Write every hit as csv or jsonl" };
        export.AcceptOnlyFromAmong("csv", "jsonl");
        var outputFile = new Option<string?>("--output") { Description = "With --export: the file to write (default: standard output)" };
        var command = new Command("search", "Search articles and stories: hits with snippets, counts per day or week, export")
        {
            query, stories, json, limit, offset, byTime, perDay, perWeek, byOutlet, export, outputFile,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var text = string.Join(' ', parseResult.GetValue(query) ?? []);
            SearchQuery parsed;
            try
            {
                parsed = SearchQueryParser.Parse(text);
            }
            catch (SearchQueryException ex)
            {
                error.WriteLine($"warta: {ex.Message}");
                return ExitCodes.Usage;
            }
            var (limitValue, offsetValue) = (parseResult.GetValue(limit), parseResult.GetValue(offset));
            if (limitValue < 1 || offsetValue < 0)
            {
                error.WriteLine("warta: --limit must be at least 1 and --offset not negative");
                return ExitCodes.Usage;
            }
            if (parseResult.GetValue(perDay) && parseResult.GetValue(perWeek))
            {
                error.WriteLine("warta: give --per-day or --per-week, not both");
                return ExitCodes.Usage;
            }
            parsed = parsed with { Limit = limitValue, Offset = offsetValue, Sort = parseResult.GetValue(byTime) ? SearchSort.Time : SearchSort.Relevance };

            using var host = CliHost.Create(parseResult);
            using var store = host.TryOpenStore(error);
            if (store is null) return ExitCodes.Usage;
            var index = host.TryOpenSearchIndex(store, store);
            using var ownedIndex = index as IDisposable;
            if (index is null)
            {
                error.WriteLine($"warta: store '{host.StoreLocation}' has no search index yet; run `warta index rebuild` (or any `warta ingest`)");
                return ExitCodes.InputFailed;
            }
            var behind = await store.LatestSequenceAsync(cancellationToken).ConfigureAwait(false) - index.Sequence;
            if (behind > 0) error.WriteLine($"warta: the search index is {behind} store change{(behind == 1 ? "" : "s")} behind; the next `warta ingest` or `warta index rebuild` catches it up");

            if (parseResult.GetValue(export) is { } format)
            {
                var file = parseResult.GetValue(outputFile);
                var writer = file is null ? output : new StreamWriter(file, false, new UTF8Encoding(false));
                try
                {
                    var count = await ExportAsync(index, parsed, format, writer, cancellationToken).ConfigureAwait(false);
                    if (file is not null) error.WriteLine($"exported {count} hit{(count == 1 ? "" : "s")} to {file}");
                }
                finally
                {
                    if (file is not null) await writer.DisposeAsync().ConfigureAwait(false);
                }
                return ExitCodes.Ok;
            }
            if (parseResult.GetValue(perDay) || parseResult.GetValue(perWeek))
            {
                var period = parseResult.GetValue(perWeek) ? SearchPeriod.Week : SearchPeriod.Day;
                var counts = await index.CountAsync(parsed, period, parseResult.GetValue(byOutlet), cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(json)) output.WriteLine(SearchJson.Serialize(counts));
                else WriteCounts(counts, period, parseResult.GetValue(byOutlet), output);
                return ExitCodes.Ok;
            }
            if (parseResult.GetValue(stories))
            {
                var found = await index.SearchStoriesAsync(parsed, cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(json)) output.WriteLine(SearchJson.Serialize(found));
                else WriteStories(found, output);
                return ExitCodes.Ok;
            }
            var hits = await index.SearchArticlesAsync(parsed, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json)) output.WriteLine(SearchJson.Serialize(hits));
            else WriteHits(hits, output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteHits(SearchResults<SearchHit> results, TextWriter output)
    {
        string[] header = ["ID", "PUBLISHED", "OUTLET", "SCORE", "TITLE"];
        var rows = results.Hits.Select(static h => new[]
        {
            h.ArticleId, Published(h.Published), h.Outlet.Length == 0 ? "-" : TerminalText.OneLine(h.Outlet), Score(h.Score), TerminalText.OneLine(h.Title),
        }).ToList();
        var widths = Widths(header, rows);
        output.WriteLine(Row(header, widths));
        for (var i = 0; i < rows.Count; i++)
        {
            output.WriteLine(Row(rows[i], widths));
            output.WriteLine("    " + TerminalText.OneLine(results.Hits[i].Snippet));
        }
        output.WriteLine($"{results.Hits.Count} of {results.Total} matching article{(results.Total == 1 ? "" : "s")}");
    }

    private static void WriteStories(SearchResults<StorySearchHit> results, TextWriter output)
    {
        string[] header = ["STORY", "SCORE", "MATCHES", "LAST", "HEADLINE"];
        var rows = results.Hits.Select(static s => new[]
        {
            s.StoryId, Score(s.Score), s.MatchingArticles.ToString(CultureInfo.InvariantCulture), Published(s.LastActivity), TerminalText.OneLine(s.Headline),
        }).ToList();
        var widths = Widths(header, rows);
        output.WriteLine(Row(header, widths));
        foreach (var row in rows) output.WriteLine(Row(row, widths));
        output.WriteLine($"{results.Hits.Count} of {results.Total} matching stor{(results.Total == 1 ? "y" : "ies")}");
    }

    private static void WriteCounts(IReadOnlyList<PeriodCount> counts, SearchPeriod period, bool byOutlet, TextWriter output)
    {
        string[] header = byOutlet ? [period == SearchPeriod.Week ? "WEEK" : "DAY", "OUTLET", "ARTICLES"] : [period == SearchPeriod.Week ? "WEEK" : "DAY", "ARTICLES"];
        var rows = counts.Select(c => byOutlet
            ? new[] { Day(c.Start), c.Outlet is null or "" ? "-" : TerminalText.OneLine(c.Outlet), c.Count.ToString(CultureInfo.InvariantCulture) }
            : [Day(c.Start), c.Count.ToString(CultureInfo.InvariantCulture)]).ToList();
        var widths = Widths(header, rows);
        output.WriteLine(Row(header, widths));
        foreach (var row in rows) output.WriteLine(Row(row, widths));
        var total = counts.Sum(static c => c.Count);
        output.WriteLine($"{total} dated matching article{(total == 1 ? "" : "s")}");
    }

    private static async Task<int> ExportAsync(ISearchIndex index, SearchQuery query, string format, TextWriter writer, CancellationToken cancellationToken)
    {
        var count = 0;
        if (format == "csv") await writer.WriteLineAsync("id,published,outlet,language,story,score,title,snippet").ConfigureAwait(false);
        await foreach (var hit in index.ExportAsync(query, cancellationToken).ConfigureAwait(false))
        {
            var line = format == "csv"
                ? string.Join(',', new[] { hit.ArticleId, Published(hit.Published, ""), hit.Outlet, hit.Language, hit.StoryId ?? "", Score(hit.Score), hit.Title, hit.Snippet }.Select(Csv))
                : SearchJson.Line(hit);
            await writer.WriteLineAsync(line).ConfigureAwait(false);
            count++;
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Published(DateTimeOffset? value, string missing = "-") =>
        value is { } v ? v.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture) : missing;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Score(float score) => score.ToString("0.000", CultureInfo.InvariantCulture);

    private static int[] Widths(string[] header, List<string[]> rows) =>
        [.. Enumerable.Range(0, header.Length - 1).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max())];

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Take(widths.Length).Select((cell, i) => cell.PadRight(widths[i])).Append(cells[^1]));
}
