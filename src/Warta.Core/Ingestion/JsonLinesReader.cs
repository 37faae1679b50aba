using System.Text.Json;
using Warta.Core.Model;

namespace Warta.Core.Ingestion;

/// <summary>Reads JSONL: one object per line with optional <c>title</c>, <c>text</c>, <c>url</c>, <c>outlet</c>, <c>published</c>, <c>author</c>/<c>authors</c>.</summary>
/// <remarks>A malformed line becomes an error naming <c>line N</c>; the other lines are still read.</remarks>
public static class JsonLinesReader
{
    public static IEnumerable<RecordResult> Read(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        var lineNumber = 0;
        // Lines are parsed where they stand in the text: copying the text into lines first doubled a large dump's cost.
        for (var start = 0; start <= text.Length;)
        {
            var length = LineLength(text, start, out var next);
            var line = text.AsMemory(start, length);
            start = next;
            lineNumber++;
            if (line.Span.IsWhiteSpace()) continue;
            yield return ReadLine(source, $"line {lineNumber}", line);
        }
    }

    /// <summary>The same line breaks as <see cref="string.ReplaceLineEndings()"/>: CR, LF, CRLF, NEL, LS, PS and FF.</summary>
    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\f\u0085\u2028\u2029");

    private static int LineLength(string text, int start, out int next)
    {
        var rest = text.AsSpan(start);
        var end = rest.IndexOfAny(LineBreaks);
        if (end < 0)
        {
            next = text.Length + 1;
            return rest.Length;
        }
        next = start + end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        return end;
    }

    private static RecordResult ReadLine(string source, string location, ReadOnlyMemory<char> line)
    {
        JsonDocument document;
        try
        {
            // Encoded to exactly sized UTF-8 first: parsing chars rents three bytes per char (177 MB for a 59 MB line).
            var utf8 = new byte[System.Text.Encoding.UTF8.GetByteCount(line.Span)];
            System.Text.Encoding.UTF8.GetBytes(line.Span, utf8);
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            return RecordResult.Failed(new IngestError(source, location, "malformed JSON: " + e.Message));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return RecordResult.Failed(new IngestError(source, location, $"expected a JSON object, found {document.RootElement.ValueKind}"));
            }
            try
            {
                return ReadObject(source, location, document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json accepts "\ud800" when parsing but cannot turn it into a .NET string (found by fuzzing).
                return RecordResult.Failed(new IngestError(source, location, "malformed JSON: a string escapes half of a UTF-16 surrogate pair"));
            }
        }
    }

    /// <summary>
    /// The longest string value kept whole, in UTF-8 bytes of its JSON text: a longer one keeps only its start, so a
    /// 59 MB <c>text</c> value is not turned into a 118 MB string of which the page cleaner reads the first
    /// <see cref="Extraction.PageCleaner.MaxTextChars"/> characters.
    /// </summary>
    public const int MaxValueBytes = Extraction.PageCleaner.MaxTextChars;

    private static RecordResult ReadObject(string source, string location, JsonElement root)
    {
        var cut = new List<string>();
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject()) fields[property.Name] = property.Value;
        var authors = new List<string>();
        foreach (var key in (string[])["authors", "author"])
        {
            if (!fields.TryGetValue(key, out var value)) continue;
            if (value.ValueKind == JsonValueKind.Array)
            {
                authors.AddRange(value.EnumerateArray().Select(v => Scalar(v, cut)).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()));
            }
            else if (Scalar(value, cut) is { Length: > 0 } one)
            {
                authors.Add(one.Trim());
            }
        }
        return RecordResult.Of(new ArticleFields
        {
            Source = $"{source}#{location}",
            Title = First(fields, cut, "title", "headline"),
            Text = First(fields, cut, "text", "body", "content") ?? "",
            Url = First(fields, cut, "url", "link"),
            Outlet = First(fields, cut, "outlet", "site", "publisher", "source"),
            Published = First(fields, cut, "published", "published_at", "date", "timestamp"),
            Authors = authors,
            Truncation = cut.Count == 0 ? null : string.Join("; ", cut),
        });
    }

    private static string? First(Dictionary<string, JsonElement> fields, List<string> cut, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (fields.TryGetValue(key, out var value) && Scalar(value, cut) is { } text && text.Trim().Length > 0) return text;
        }
        return null;
    }

    private static string? Scalar(JsonElement value, List<string> cut) => value.ValueKind switch
    {
        JsonValueKind.String => Text(value, cut),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>The string's value, or the start of it when its JSON text is longer than <see cref="MaxValueBytes"/> (noted in <paramref name="cut"/>).</summary>
    private static string? Text(JsonElement value, List<string> cut)
    {
        // The raw text includes the quotes and is still escaped: a value within the limit is read as usual.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length - 2 <= MaxValueBytes) return value.GetString();
        var content = raw[1..^1];
        // Cut where the prefix is a whole JSON string: not inside an escape (\u00e9, a surrogate pair's two escapes) or a
        // UTF-8 sequence; 12 bytes back always reaches such a place.
        for (var end = MaxValueBytes; end > MaxValueBytes - 16 && end > 0; end--)
        {
            if (TryReadPrefix(content[..end], out var prefix))
            {
                var note = $"a value cut at {end} of {content.Length} bytes";
                if (!cut.Contains(note, StringComparer.Ordinal)) cut.Add(note);
                return prefix;
            }
        }
        return value.GetString();
    }

    private static bool TryReadPrefix(ReadOnlySpan<byte> content, out string? text)
    {
        var quoted = new byte[content.Length + 2];
        quoted[0] = (byte)'"';
        content.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        try
        {
            var reader = new Utf8JsonReader(quoted);
            reader.Read();
            text = reader.GetString();
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}
