using System.Globalization;
using System.Text;
using Warta.Core.Model;

namespace Warta.Evaluation;

/// <summary>Reads the UCI News Aggregator CSV (<c>ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP</c>) as headline-only articles labeled with their story.</summary>
public static class UciNewsReader
{
    /// <summary>One labeled article per record: title as the only text, outlet = publisher, time = TIMESTAMP (ms), language <c>en</c>.</summary>
    /// <param name="reader">The CSV text, header first; quoted fields may hold commas, doubled quotes and line breaks.</param>
    /// <param name="source">Name stored as each article's source, with <c>#record N</c> appended.</param>
    public static IEnumerable<LabeledArticle> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = ReadRecords(reader).GetEnumerator();
        if (!records.MoveNext()) yield break;
        var header = records.Current;
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new FormatException($"{source}: no column {name}");
        int id = Column("ID"), title = Column("TITLE"), url = Column("URL"), publisher = Column("PUBLISHER"),
            story = Column("STORY"), timestamp = Column("TIMESTAMP");
        var number = 0;
        while (records.MoveNext())
        {
            number++;
            var fields = records.Current;
            if (fields.Count <= timestamp) throw new FormatException($"{source} (record {number}): {fields.Count} fields, expected {header.Count}");
            var ms = long.Parse(fields[timestamp], NumberStyles.Integer, CultureInfo.InvariantCulture);
            var article = new Article
            {
                Id = "uci-" + fields[id],
                Title = fields[title],
                Outlet = fields[publisher].Trim().ToLowerInvariant(),
                Published = new PublicationTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), TimePrecision.Second),
                Language = "en",
                Paragraphs = [],
                Url = fields[url],
                Source = $"{source}#record {number}",
            };
            yield return new LabeledArticle(article, fields[story]);
        }
    }

    private static IEnumerable<List<string>> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    quoted = false;
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return fields;
                    }
                    fields = [];
                    field.Clear();
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    any = true;
                    break;
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
