using System.Globalization;
using System.Text;
using Warta.Core.Model;

namespace Warta.Evaluation;

/// <summary>Reads a TimeML document leniently: real Kompas TimeML files contain bare <c>&amp;</c>, so no XML parser is used.</summary>
public static class TimeMlReader
{
    /// <summary>Parses one document; throws <see cref="FormatException"/> when it has no TEXT element.</summary>
    public static TimeMlDocument Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var xml = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var id = Decode(Inner(xml, "DOCID") ?? "").Trim();
        var title = Inner(xml, "TITLE") is { } t ? Decode(StripTags(t)).Trim() : null;
        var dctElement = Inner(xml, "DCT");
        var dct = CreationTime(dctElement);
        var dctText = dctElement is null ? "" : Decode(StripTags(dctElement)).Trim();
        var text = Inner(xml, "TEXT") ?? throw new FormatException("TimeML document has no <TEXT> element");
        var (plain, timexes) = ReadText(text);
        return new TimeMlDocument(id, title, dct, dctText, plain, timexes);
    }

    private static DateTimeOffset CreationTime(string? dct)
    {
        var value = dct is null ? null : Attributes(dct, dct.IndexOf("<TIMEX3", StringComparison.Ordinal)).GetValueOrDefault("value");
        if (value is null) throw new FormatException("TimeML document has no DCT value");
        // Kompas DCTs are not always zero-padded (2013-12-4).
        string[] formats = ["yyyy-M-d", "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mmzzz", "yyyy-M-d'T'H:mm:sszzz"];
        return DateTimeOffset.ParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    private static (string Plain, List<GoldTimex> Timexes) ReadText(string content)
    {
        var plain = new StringBuilder(content.Length);
        var timexes = new List<GoldTimex>();
        var open = new Stack<(int Start, TimexType Type, string? Value)>();
        var i = 0;
        while (i < content.Length)
        {
            var c = content[i];
            if (c == '<')
            {
                var close = content.IndexOf('>', i);
                if (close < 0) break;
                var tag = content.AsSpan(i + 1, close - i - 1);
                if (tag.StartsWith("TIMEX3", StringComparison.Ordinal))
                {
                    var attributes = Attributes(content, i);
                    var type = ParseType(attributes.GetValueOrDefault("type"));
                    var value = attributes.GetValueOrDefault("value");
                    if (tag.EndsWith("/")) timexes.Add(new GoldTimex(plain.Length, 0, "", type, value));
                    else open.Push((plain.Length, type, value));
                }
                else if (tag.StartsWith("/TIMEX3", StringComparison.Ordinal) && open.Count > 0)
                {
                    var (start, type, value) = open.Pop();
                    timexes.Add(new GoldTimex(start, plain.Length - start, plain.ToString(start, plain.Length - start), type, value));
                }
                i = close + 1;
                continue;
            }
            if (c == '&' && TryEntity(content, i, out var decoded, out var length))
            {
                plain.Append(decoded);
                i += length;
                continue;
            }
            plain.Append(c);
            i++;
        }
        timexes.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (plain.ToString(), timexes);
    }

    private static TimexType ParseType(string? type) => type?.ToUpperInvariant() switch
    {
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => TimexType.Date,
    };

    private static string? Inner(string xml, string element)
    {
        var open = xml.IndexOf("<" + element, StringComparison.Ordinal);
        if (open < 0) return null;
        var start = xml.IndexOf('>', open);
        var end = xml.IndexOf("</" + element + ">", start + 1, StringComparison.Ordinal);
        return start < 0 || end < 0 ? null : xml[(start + 1)..end];
    }

    private static Dictionary<string, string> Attributes(string xml, int tagStart)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tagStart < 0) return attributes;
        var end = xml.IndexOf('>', tagStart);
        var i = xml.IndexOf(' ', tagStart);
        while (i >= 0 && i < end)
        {
            var eq = xml.IndexOf('=', i);
            if (eq < 0 || eq > end) break;
            var name = xml[i..eq].Trim();
            var quote = xml[eq + 1];
            if (quote is not ('"' or '\'')) break;
            var close = xml.IndexOf(quote, eq + 2);
            if (close < 0 || close > end) break;
            attributes[name] = Decode(xml[(eq + 2)..close]);
            i = close + 1;
        }
        return attributes;
    }

    private static string StripTags(string s)
    {
        var sb = new StringBuilder(s.Length);
        var inTag = false;
        foreach (var c in s)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag) sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Decode(string s)
    {
        if (!s.Contains('&', StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length;)
        {
            if (s[i] == '&' && TryEntity(s, i, out var decoded, out var length))
            {
                sb.Append(decoded);
                i += length;
            }
            else
            {
                sb.Append(s[i++]);
            }
        }
        return sb.ToString();
    }

    private static bool TryEntity(string s, int i, out string decoded, out int length)
    {
        decoded = "";
        length = 0;
        var semi = s.IndexOf(';', i);
        if (semi < 0 || semi - i > 10) return false;
        var name = s[(i + 1)..semi];
        decoded = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ when name.StartsWith("#x", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) && Rune.IsValid(hex) => char.ConvertFromUtf32(hex),
            _ when name.StartsWith('#')
                && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var dec) && Rune.IsValid(dec) => char.ConvertFromUtf32(dec),
            _ => "",
        };
        if (decoded.Length == 0) return false;
        length = semi - i + 1;
        return true;
    }
}
