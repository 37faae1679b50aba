using System.Globalization;
using System.Text;
using System.Xml;

namespace Warta.Web.Api;

/// <summary>Writes an Atom feed (RFC 4287) with <see cref="XmlWriter"/>.</summary>
/// <remarks>Atom needs a handful of elements; <see cref="XmlWriter"/> escapes every text and attribute (a hostile title stays
/// text), and it saves the System.ServiceModel.Syndication package and its object model for what is one loop.</remarks>
internal static class AtomWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    /// <summary>One entry: its id (a URN), title, time, the outlet as author, a link when known, a summary.</summary>
    public sealed record Entry(string Id, string Title, DateTimeOffset Updated, string Author, string? Link, string Summary);

    public static string Write(string id, string title, string selfLink, IReadOnlyList<Entry> entries)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = false };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Ns);
            xml.WriteElementString("id", Ns, id);
            xml.WriteElementString("title", Ns, Clean(title));
            // Deterministic: the newest entry's time, so the same store gives the same bytes (and ETag).
            xml.WriteElementString("updated", Ns, Time(entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(static e => e.Updated)));
            xml.WriteStartElement("link", Ns);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", selfLink);
            xml.WriteEndElement();
            xml.WriteStartElement("generator", Ns);
            xml.WriteString("Warta");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Ns);
                xml.WriteElementString("id", Ns, entry.Id);
                xml.WriteElementString("title", Ns, Clean(entry.Title));
                xml.WriteElementString("updated", Ns, Time(entry.Updated));
                xml.WriteStartElement("author", Ns);
                xml.WriteElementString("name", Ns, Clean(entry.Author.Length == 0 ? "unknown" : entry.Author));
                xml.WriteEndElement();
                if (entry.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    xml.WriteStartElement("link", Ns);
                    xml.WriteAttributeString("href", uri.AbsoluteUri);
                    xml.WriteEndElement();
                }
                xml.WriteElementString("summary", Ns, Clean(entry.Summary));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops characters XML 1.0 cannot carry (control characters a scraped page may hold), which would make the feed unreadable.</summary>
    private static string Clean(string text) => string.Concat(text.Where(static c => XmlConvert.IsXmlChar(c)));
}
