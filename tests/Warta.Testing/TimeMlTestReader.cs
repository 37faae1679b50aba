using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Warta.Core.Model;

namespace Warta.Testing;

/// <summary>A minimal TimeML reader for tests (DOCID, DCT, TITLE, TEXT) until ingestion reads <c>.tml</c> files itself.</summary>
public static partial class TimeMlTestReader
{
    public static Article Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        string xml;
        try
        {
            xml = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            xml = Encoding.Latin1.GetString(bytes);
        }
        var docId = Element(xml, "DOCID");
        var dct = DctValue().Match(xml).Groups[1].Value;
        var parts = dct.Split('-');
        var date = new DateTimeOffset(
            int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture),
            0, 0, 0, TimeSpan.FromHours(7));
        var text = Tag().Replace(Element(xml, "TEXT"), "");
        var paragraphs = BlankLine().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return new Article
        {
            Id = "kompas-" + docId,
            Title = Tag().Replace(Element(xml, "TITLE"), "").Trim(),
            Outlet = "kompas.com",
            Published = new PublicationTime(date, TimePrecision.Day),
            Language = "id",
            Paragraphs = paragraphs,
            Source = path,
        };
    }

    private static string Element(string xml, string name)
    {
        var start = xml.IndexOf("<" + name + ">", StringComparison.Ordinal);
        var end = xml.IndexOf("</" + name + ">", StringComparison.Ordinal);
        return start < 0 || end < start ? "" : xml[(start + name.Length + 2)..end];
    }

    [GeneratedRegex("<DCT>.*?value=\"([^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex DctValue();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();
}
