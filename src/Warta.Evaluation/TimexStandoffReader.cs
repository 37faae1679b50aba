using System.Globalization;
using Warta.Core.Model;

namespace Warta.Evaluation;

/// <summary>
/// Reads stand-off TIMEX3 gold (<c>docid TAB occurrence TAB text TAB type TAB value</c>, <c>#</c> comments) and places it on
/// TimeML documents whose TEXT carries no inline annotation, such as <c>eval/timex/kompas-dev.timex.tsv</c>.
/// </summary>
public static class TimexStandoffReader
{
    /// <summary>
    /// Returns each document with its <see cref="TimeMlDocument.Timexes"/> replaced by the stand-off gold for its DOCID
    /// (none when the file has no line for it). A line's span is the <c>occurrence</c>-th match of <c>text</c> in the plain TEXT,
    /// counting matches that start at every position, so a string inside a longer one (<c>Rabu</c> in <c>Rabu pagi WIB</c>) counts.
    /// </summary>
    /// <param name="reader">The stand-off file.</param>
    /// <param name="name">The file's name, used in error messages.</param>
    /// <param name="documents">The documents the file annotates.</param>
    /// <exception cref="FormatException">A line with the wrong number of columns, a bad occurrence, an unknown type, an empty value,
    /// an unknown DOCID, a text with fewer occurrences than asked, or a span given twice; the message names the file and line.</exception>
    public static IReadOnlyList<TimeMlDocument> Apply(TextReader reader, string name, IReadOnlyList<TimeMlDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(documents);
        var byId = new Dictionary<string, TimeMlDocument>(StringComparer.Ordinal);
        foreach (var doc in documents) byId[doc.Id] = doc;
        var gold = byId.Keys.ToDictionary(id => id, _ => new List<GoldTimex>(), StringComparer.Ordinal);
        var seen = new HashSet<(string, int, int)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            FormatException Error(string message) => new($"{name}:{number}: {message}");
            var fields = line.Split('\t');
            if (fields.Length != 5) throw Error($"{fields.Length} columns, expected 5 (docid, occurrence, text, type, value)");
            var (id, text, value) = (fields[0], fields[2], fields[4]);
            if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var occurrence) || occurrence < 1)
                throw Error($"occurrence '{fields[1]}' is not a positive number");
            if (text.Length == 0) throw Error("empty text");
            var type = ParseType(fields[3]) ?? throw Error($"unknown type '{fields[3]}' (DATE, TIME, DURATION or SET)");
            if (value.Length == 0) throw Error("empty value");
            if (!byId.TryGetValue(id, out var doc)) throw Error($"unknown document '{id}'");
            var start = Nth(doc.Text, text, occurrence);
            if (start < 0) throw Error(occurrence == 1 ? $"'{text}' does not occur in {id}" : $"'{text}' occurs fewer than {occurrence} times in {id}");
            if (!seen.Add((id, start, text.Length))) throw Error($"'{text}' (occurrence {occurrence}) is given twice for {id}");
            gold[id].Add(new GoldTimex(start, text.Length, text, type, value));
        }
        return documents.Select(d =>
        {
            var spans = gold[d.Id];
            spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
            return d with { Timexes = spans };
        }).ToList();
    }

    private static int Nth(string haystack, string needle, int n)
    {
        var at = -1;
        for (var i = 0; i < n; i++)
        {
            at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0) return -1;
        }
        return at;
    }

    private static TimexType? ParseType(string type) => type switch
    {
        "DATE" => TimexType.Date,
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => null,
    };
}
