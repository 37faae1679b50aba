using Warta.Core.Model;

namespace Warta.Core.Ingestion;

/// <summary>Reads CSV with a header naming the columns <c>title</c>, <c>text</c>, <c>url</c>, <c>outlet</c>, <c>published</c>, <c>author</c>/<c>authors</c> (any order, any case).</summary>
/// <remarks>Errors name <c>record N</c>, counting data records from 1 after the header.</remarks>
public static class CsvArticleReader
{
    private static readonly Dictionary<string, string[]> Columns = new(StringComparer.Ordinal)
    {
        ["title"] = ["title", "headline"],
        ["text"] = ["text", "body", "content"],
        ["url"] = ["url", "link"],
        ["outlet"] = ["outlet", "site", "publisher", "hostname", "source"],
        ["published"] = ["published", "published_at", "date", "timestamp"],
        ["authors"] = ["authors", "author"],
    };

    public static IEnumerable<RecordResult> Read(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        Dictionary<string, int>? index = null;
        var width = 0;
        foreach (var record in CsvParser.Parse(text))
        {
            var location = record.Number == 0 ? "header" : $"record {record.Number}";
            if (record.Error is not null)
            {
                yield return RecordResult.Failed(new IngestError(source, location, record.Error));
                if (index is null) yield break;
                continue;
            }
            if (index is null)
            {
                index = MapHeader(record.Fields);
                width = record.Fields.Count;
                if (!index.ContainsKey("title") && !index.ContainsKey("text"))
                {
                    yield return RecordResult.Failed(new IngestError(source, "header", "no 'title' or 'text' column in the header: " + string.Join(",", record.Fields)));
                    yield break;
                }
                continue;
            }
            if (record.Fields.Count != width)
            {
                yield return RecordResult.Failed(new IngestError(source, location, $"has {record.Fields.Count} fields, the header has {width}"));
                continue;
            }
            string? Get(string key) => index.TryGetValue(key, out var column) && record.Fields[column].Trim().Length > 0 ? record.Fields[column] : null;
            var authors = Get("authors") is { } names
                ? names.Split([';', '|', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            yield return RecordResult.Of(new ArticleFields
            {
                Source = $"{source}#{location}",
                Title = Get("title"),
                Text = Get("text") ?? "",
                Url = Get("url"),
                Outlet = Get("outlet"),
                Published = Get("published"),
                Authors = authors,
                Truncation = record.CutFields == 0
                    ? null
                    : $"{record.CutFields} field{(record.CutFields == 1 ? "" : "s")} cut at {CsvParser.MaxFieldChars} characters",
            });
        }
    }

    private static Dictionary<string, int> MapHeader(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, names) in Columns)
        {
            foreach (var name in names)
            {
                var column = header.Select((h, i) => (h, i)).FirstOrDefault(c => string.Equals(c.h.Trim(), name, StringComparison.OrdinalIgnoreCase));
                if (column.h is null) continue;
                index[key] = column.i;
                break;
            }
        }
        return index;
    }
}
