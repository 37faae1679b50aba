using System.Xml;
using System.Xml.Linq;
using Warta.Core.Model;

namespace Warta.Core.Ingestion;

/// <summary>Reads a TimeML file with System.Xml: <c>DCT</c> → published (day), <c>TITLE</c> → title, <c>TEXT</c> without markup → body.</summary>
public static partial class TimeMlReader
{
    /// <summary>Parses <paramref name="text"/>; malformed XML or a file without <c>TEXT</c> gives null and an error.</summary>
    /// <remarks>An <c>&amp;</c> that starts no entity is read as the character itself before parsing: real Kompas files
    /// write <c>56 &amp; 461</c> unescaped, its meaning is plain, and refusing the whole article for it would lose it. Any
    /// other malformed XML is reported with its line.</remarks>
    public static TimeMlDocument? Parse(string source, string text, out IngestError? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        text = BareAmpersand().Replace(text, "&amp;");
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            error = new IngestError(source, $"line {e.LineNumber}", "malformed XML: " + e.Message);
            return null;
        }
        var root = document.Root!;
        var body = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "TEXT");
        if (body is null)
        {
            error = new IngestError(source, null, "TimeML file has no <TEXT> element");
            return null;
        }
        var dct = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "DCT");
        var dctTimex = dct?.Descendants().FirstOrDefault(e => e.Name.LocalName == "TIMEX3");
        var title = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "TITLE");
        return new TimeMlDocument(
            (dctTimex?.Value ?? dct?.Value ?? "").Trim(),
            (string?)dctTimex?.Attribute("value") ?? "",
            (title?.Value ?? "").Trim(),
            body.Value.Trim('\r', '\n', ' ', '\t'));
    }

    /// <summary>Reads one TimeML file as one article record.</summary>
    public static RecordResult Read(string source, string text)
    {
        var document = Parse(source, text, out var error);
        if (document is null) return RecordResult.Failed(error!);
        return RecordResult.Of(new ArticleFields
        {
            Source = source,
            Title = document.Title.Length > 0 ? document.Title : null,
            TitleSignal = "timeml-title",
            Text = document.Body,
            Published = DayOf(document.DctValue),
            PublishedSignal = "timeml-dct",
        });
    }

    /// <summary>The DCT value as <c>yyyy-MM-dd</c> (day precision), accepting unpadded months and days; null if unreadable.</summary>
    public static string? DayOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Trim().Split('-', 'T')[..Math.Min(3, value.Split('-', 'T').Length)];
        if (parts.Length < 3) return null;
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
            || year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return new DateOnly(year, month, day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)")]
    private static partial System.Text.RegularExpressions.Regex BareAmpersand();
}
