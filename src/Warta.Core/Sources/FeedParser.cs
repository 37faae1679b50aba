using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Warta.Core.Extraction;
using Warta.Core.Model;

namespace Warta.Core.Sources;

/// <summary>Reads what a followed source publishes: RSS 2.0 and Atom 1.0 (through System.ServiceModel.Syndication), JSON Feed 1.x,
/// and sitemaps (<c>urlset</c> with Google News' <c>news:</c> fields, and <c>sitemapindex</c>).</summary>
/// <remarks>
/// Dates are read with Warta's own parser when the strict RFC 822 reading fails: Indonesian feeds write
/// <c>Senin, 24 Feb 2025 10:00:00 +0700</c> or <c>2025-02-24 10:00:00</c>, which Syndication alone rejects, failing the whole feed.
/// Relative links are resolved against the document's own URL. DTDs are ignored and nothing external is resolved (no XXE).
/// </remarks>
public static class FeedParser
{
    /// <summary>At most this many items are read from one document (the sitemap protocol's own limit).</summary>
    public const int MaxItems = 50_000;

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>Parses <paramref name="content"/>, fetched from <paramref name="location"/>.</summary>
    /// <exception cref="FeedFormatException">The document is not a feed or sitemap Warta reads; the message names the location and why.</exception>
    public static Feed Parse(ReadOnlySpan<byte> content, Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var start = 0;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) start = 3;
        while (start < content.Length && content[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start == content.Length) throw new FeedFormatException($"{location}: empty document");
        var bytes = content[start..].ToArray();
        try
        {
            return bytes[0] == (byte)'{' ? ParseJsonFeed(bytes, location) : ParseXml(bytes, location);
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"{location}: malformed JSON Feed at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
        catch (FormatException ex) when (ex is not FeedFormatException)
        {
            throw new FeedFormatException($"{location}: unreadable feed: {ex.Message}", ex);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"{location}: malformed XML at line {ex.LineNumber}, column {ex.LinePosition}: {ex.Message}", ex);
        }
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static Feed ParseXml(byte[] bytes, Uri location)
    {
        string root;
        string ns;
        using (var probe = XmlReader.Create(new MemoryStream(bytes), Settings()))
        {
            probe.MoveToContent();
            root = probe.LocalName;
            ns = probe.NamespaceURI;
        }
        return (root, ns) switch
        {
            ("rss", _) => ParseSyndication(bytes, location, new Rss20FeedFormatter(), FeedKind.Rss),
            ("feed", "http://www.w3.org/2005/Atom") => ParseSyndication(bytes, location, new Atom10FeedFormatter(), FeedKind.Atom),
            ("urlset", _) => ParseSitemap(bytes, location),
            ("sitemapindex", _) => ParseSitemapIndex(bytes, location),
            _ => throw new FeedFormatException($"{location}: <{root}> is not a feed or sitemap Warta reads (RSS 2.0, Atom 1.0, JSON Feed, sitemap)"),
        };
    }

    private static Feed ParseSyndication(byte[] bytes, Uri location, SyndicationFeedFormatter formatter, FeedKind kind)
    {
        formatter.DateTimeParser = ParseDate;
        formatter.UriParser = ParseUri;
        using var reader = XmlReader.Create(new MemoryStream(bytes), Settings());
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        var items = new List<FeedItem>();
        var skipped = 0;
        foreach (var item in feed.Items)
        {
            if (items.Count == MaxItems) break;
            var link = item.Links.FirstOrDefault(static l => l.RelationshipType is null or "alternate")?.Uri
                ?? (Uri.TryCreate(item.Id, UriKind.Absolute, out var guid) ? guid : null);
            if (Absolute(link?.OriginalString, location) is not { } url)
            {
                skipped++;
                continue;
            }
            var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
            items.Add(new FeedItem(
                url,
                Clean(item.Title?.Text),
                published == default ? null : new PublicationTime(published, TimePrecision.Second),
                Author(item),
                Clean(item.Id)));
        }
        return new Feed(kind, Clean(feed.Title?.Text), items, [], skipped);
    }

    /// <summary>The item's author: a name rather than the e-mail RSS puts there, else dc:creator (WordPress feeds).</summary>
    private static string? Author(SyndicationItem item)
    {
        foreach (var person in item.Authors)
        {
            if (Clean(person.Name) is { } name) return name;
            if (Clean(person.Email) is { } email)
            {
                // RSS writes "redaksi@contoh.id (Nama Penulis)".
                var open = email.IndexOf('(', StringComparison.Ordinal);
                return open >= 0 && email.EndsWith(')') ? Clean(email[(open + 1)..^1]) : email;
            }
        }
        foreach (var extension in item.ElementExtensions)
        {
            if (extension.OuterName == "creator" && extension.OuterNamespace == DublinCore) return Clean(extension.GetObject<string>());
        }
        return null;
    }

    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        var text = data.DateTimeString?.Trim() ?? "";
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out value)) return true;
        if (PublicationDateParser.TryParseValue(text, out var time))
        {
            value = time.Value;
            return true;
        }
        // An unreadable date leaves the item undated instead of failing the whole feed.
        value = default;
        return true;
    }

    private static bool ParseUri(XmlUriData data, out Uri? uri)
    {
        // A link Uri cannot read becomes a link the item reader skips, instead of an exception that loses the whole feed.
        if (!Uri.TryCreate(data.UriString?.Trim(), data.UriKind, out uri)) uri = new Uri("about:blank");
        return true;
    }

    private static Feed ParseSitemap(byte[] bytes, Uri location)
    {
        var items = new List<FeedItem>();
        var skipped = 0;
        using var reader = XmlReader.Create(new MemoryStream(bytes), Settings());
        while (reader.Read() && items.Count < MaxItems)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "url" || reader.NamespaceURI != SitemapNamespace) continue;
            string? loc = null, title = null, date = null, lastmod = null;
            using (var url = reader.ReadSubtree())
            {
                // ReadElementContentAsString already moves to the next node: reading again would skip a sibling written on the same line.
                url.Read();
                while (!url.EOF)
                {
                    if (url.NodeType != XmlNodeType.Element)
                    {
                        url.Read();
                        continue;
                    }
                    switch (url.LocalName, url.NamespaceURI)
                    {
                        case ("loc", SitemapNamespace): loc = url.ReadElementContentAsString(); break;
                        case ("lastmod", SitemapNamespace): lastmod = url.ReadElementContentAsString(); break;
                        case ("title", NewsNamespace): title = url.ReadElementContentAsString(); break;
                        case ("publication_date", NewsNamespace): date = url.ReadElementContentAsString(); break;
                        default: url.Read(); break;
                    }
                }
            }
            if (Absolute(loc, location) is not { } absolute)
            {
                skipped++;
                continue;
            }
            var published = Time(date ?? lastmod);
            items.Add(new FeedItem(absolute, Clean(title), published, null, null));
        }
        return new Feed(FeedKind.Sitemap, null, items, [], skipped);
    }

    private static Feed ParseSitemapIndex(byte[] bytes, Uri location)
    {
        var sitemaps = new List<string>();
        using var reader = XmlReader.Create(new MemoryStream(bytes), Settings());
        while (reader.Read() && sitemaps.Count < MaxItems)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc" && reader.NamespaceURI == SitemapNamespace
                && Absolute(reader.ReadElementContentAsString(), location) is { } url)
            {
                sitemaps.Add(url);
            }
        }
        return new Feed(FeedKind.SitemapIndex, null, [], sitemaps, 0);
    }

    private static Feed ParseJsonFeed(byte[] bytes, Uri location)
    {
        using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version)
            || version.ValueKind != JsonValueKind.String || !version.GetString()!.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal))
        {
            throw new FeedFormatException($"{location}: a JSON document without a JSON Feed version (\"https://jsonfeed.org/version/1.1\")");
        }
        var items = new List<FeedItem>();
        var skipped = 0;
        if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (items.Count == MaxItems) break;
                if (item.ValueKind != JsonValueKind.Object || Absolute(String(item, "url") ?? String(item, "external_url"), location) is not { } url)
                {
                    skipped++;
                    continue;
                }
                var published = Time(String(item, "date_published") ?? String(item, "date_modified"));
                items.Add(new FeedItem(url, Clean(String(item, "title")), published, JsonAuthor(item) ?? JsonAuthor(root), String(item, "id")));
            }
        }
        return new Feed(FeedKind.JsonFeed, Clean(String(root, "title")), items, [], skipped);
    }

    /// <summary>A W3C date-time (sitemaps, JSON Feed) or any form Warta reads; a bare date is that day in WIB, as pages' dates are.</summary>
    private static PublicationTime? Time(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return new PublicationTime(new DateTimeOffset(day, PublicationDateParser.Wib), TimePrecision.Day);
        }
        return PublicationDateParser.TryParseValue(text, out var time) ? time : null;
    }

    private static string? JsonAuthor(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in authors.EnumerateArray())
            {
                if (author.ValueKind == JsonValueKind.Object && Clean(String(author, "name")) is { } name) return name;
            }
        }
        return element.TryGetProperty("author", out var single) && single.ValueKind == JsonValueKind.Object ? Clean(String(single, "name")) : null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The link made absolute against the document's URL, when it is http(s); null otherwise (javascript:, mailto:, garbage).</summary>
    private static string? Absolute(string? link, Uri location)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(location, link.Trim(), out var url)) return null;
        return url.Scheme is "http" or "https" ? url.AbsoluteUri : null;
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
