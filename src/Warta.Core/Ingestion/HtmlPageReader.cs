using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Warta.Core.Extraction;
using Warta.Core.Model;

namespace Warta.Core.Ingestion;

/// <summary>Reads an HTML article page: metadata from <c>&lt;meta&gt;</c>, then the main text found by SmartReader after removing navigation, share buttons, related links, tags and footers.</summary>
public static partial class HtmlPageReader
{
    /// <summary>Elements that never hold article text.</summary>
    private const string NoiseSelector = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, figure figcaption";

    /// <summary>Blocks whose text becomes one paragraph each.</summary>
    private const string BlockSelector = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    /// <summary>
    /// Only this much of a page is parsed (cut before a tag), the cut noted in <c>provenance.truncated</c>: a DOM costs
    /// about 20 bytes per character of HTML, news pages are under 2 MB, and the body keeps at most
    /// <see cref="PageCleaner.MaxBodyChars"/> anyway.
    /// </summary>
    public const int MaxHtmlChars = 4 * 1024 * 1024;

    public static RecordResult Read(string source, string html)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(html);
        string? truncation = null;
        if (html.Length > MaxHtmlChars)
        {
            var cut = CutBeforeTag(html, MaxHtmlChars);
            truncation = $"read {cut} of {html.Length} characters of HTML";
            html = html[..cut];
        }
        var flat = HtmlNesting.Flatten(html, out var deepest);
        // A page nested beyond the budget is hostile or broken, not a news layout: its blocks are read as they stand, since
        // SmartReader's scoring re-reads the text of every level (0.5 s on a page flattened to 128 levels).
        var hostile = !ReferenceEquals(flat, html);
        if (hostile)
        {
            var note = $"flattened the tags nested deeper than {HtmlNesting.MaxDepth} levels (of {deepest})";
            truncation = truncation is null ? note : truncation + "; " + note;
        }
        html = flat;
        var parser = new HtmlParser();
        IHtmlDocument document = parser.ParseDocument(html);
        if (document.Body is null || string.IsNullOrWhiteSpace(document.Body.TextContent) && document.Head?.QuerySelector("meta") is null)
        {
            return RecordResult.Failed(new IngestError(source, null, "HTML page has no body text"));
        }

        var url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        var siteName = Meta(document, "og:site_name");
        // Pages without meta often title themselves with just their domain (<title>beritakota.net</title>).
        var domainTitle = OutletNormalizer.IsHostLike(document.Title) ? document.Title.Trim() : null;
        var title = Title(document, [siteName, domainTitle, url]);
        var published = Meta(document, "article:published_time") ?? Meta(document, "pubdate") ?? Meta(document, "publishdate")
            ?? Meta(document, "date") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var authors = document.QuerySelectorAll("meta[name=author], meta[property='article:author'], meta[name='content_author']")
            .Select(m => m.GetAttribute("content")?.Trim())
            .Where(a => !string.IsNullOrEmpty(a) && !a.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            // One meta tag often names several writers ("Arif Kurniawan, Hana Siregar"), separated as in CSV records.
            .SelectMany(a => a!.Split([';', '|', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        RemoveNoise(document);
        // Read before SmartReader, which rearranges the document it is given.
        var headerLines = HeaderLines(document);
        var bodyBlocks = Blocks(document.Body);
        var paragraphs = hostile ? bodyBlocks : MainText(document, url, bodyBlocks);
        var header = headerLines.Where(line => !paragraphs.Contains(line, StringComparer.Ordinal));

        return RecordResult.Of(new ArticleFields
        {
            Source = source,
            Title = title is null ? null : string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            TitleSignal = "html-meta",
            Text = string.Join("\n\n", header.Concat(paragraphs)),
            Url = url,
            Outlet = siteName ?? domainTitle,
            OutletSignal = "html-meta",
            Published = published,
            PublishedSignal = "html-meta",
            Authors = authors,
            AuthorsSignal = "html-meta",
            Truncation = truncation,
        });
    }

    /// <summary>The length of the start of <paramref name="html"/> kept under <paramref name="max"/>: up to the last tag that starts in it, so no tag is cut in half.</summary>
    private static int CutBeforeTag(string html, int max)
    {
        var cut = html.LastIndexOf('<', max - 1, Math.Min(max, 64 * 1024));
        if (cut > 0) return cut;
        return char.IsHighSurrogate(html[max - 1]) ? max - 1 : max;
    }

    /// <summary>
    /// The first of og:title, twitter:title, the article's h1, any h1, the article's h2 above its first paragraph and
    /// <c>&lt;title&gt;</c> that is not just the site's name.
    /// </summary>
    private static string? Title(IHtmlDocument document, string?[] siteNames)
    {
        var names = siteNames.Select(OutletNormalizer.Normalize).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        var article = document.QuerySelector("article");
        var leadHeading = article?.QuerySelector("h2, p") is { LocalName: "h2" } h2 ? h2 : null;
        string?[] candidates =
        [
            Meta(document, "og:title"),
            Meta(document, "twitter:title"),
            article?.QuerySelector("h1")?.TextContent,
            document.QuerySelector("h1")?.TextContent,
            leadHeading?.TextContent,
            document.Title,
        ];
        return candidates.Select(NullIfEmpty).FirstOrDefault(t => t is not null && !names.Contains(OutletNormalizer.Normalize(t)))?.Trim();
    }

    /// <summary>
    /// Date and byline lines between the article's heading and its first paragraph (<c>&lt;span&gt;Oleh: …&lt;/span&gt;</c>),
    /// which are not blocks and so are not among the paragraphs; kept only when the page cleaner reads them as such.
    /// </summary>
    private static List<string> HeaderLines(IHtmlDocument document)
    {
        var lines = new List<string>();
        if (document.QuerySelector("article") is { } article) CollectHeaderLines(article, lines);
        return lines.Where(static line =>
        {
            var cleaned = PageCleaner.Clean(line);
            return cleaned.Paragraphs.Count == 0 && (cleaned.DateLine is not null || cleaned.Authors.Count > 0);
        }).ToList();
    }

    /// <summary>Texts of the innermost non-inline elements before the first paragraph; false once it is reached.</summary>
    private static bool CollectHeaderLines(IElement parent, List<string> lines)
    {
        foreach (var child in parent.Children)
        {
            if (child.LocalName is "p") return false;
            if (child.LocalName is "h1" or "h2" or "h3" or "figure" or "img" or "picture") continue;
            if (child.Children.All(static c => InlineElements.Contains(c.LocalName)))
            {
                var text = string.Join(' ', child.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (text.Length is > 0 and <= 200) lines.Add(text);
                continue;
            }
            if (!CollectHeaderLines(child, lines)) return false;
        }
        return true;
    }

    private static readonly HashSet<string> InlineElements = new(StringComparer.Ordinal) { "a", "b", "strong", "em", "i", "span", "small", "time", "abbr", "br" };

    private static string? Meta(IHtmlDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && NullIfEmpty(meta.GetAttribute("content")) is { } content)
            {
                return content.Trim();
            }
        }
        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void RemoveNoise(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll(NoiseSelector).ToList()) element.Remove();
        foreach (var element in document.Body!.QuerySelectorAll("*").ToList())
        {
            if (element.LocalName is "body" or "main" or "article") continue;
            var marker = ((element.ClassName ?? "") + " " + (element.Id ?? "")).ToLowerInvariant();
            if (NoiseMarker().IsMatch(marker)) element.Remove();
        }
    }

    /// <summary>SmartReader's readability pick of the main content, as paragraphs; the whole body's blocks when it finds nothing.</summary>
    /// <remarks>SmartReader reads the parsed document itself: handing it the HTML text made it parse the page a second time.</remarks>
    private static List<string> MainText(IHtmlDocument document, string? url, List<string> bodyBlocks)
    {
        var baseUri = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed.ToString() : "https://localhost/";
        IElement? content = null;
        try
        {
            var reader = new SmartReader.Reader(baseUri, document) { ContinueIfNotReadable = true, DisableJSONLD = true };
            var article = reader.GetArticle();
            if (article.Completed && !string.IsNullOrWhiteSpace(article.Content))
            {
                content = new HtmlParser().ParseDocument(article.Content).Body;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or FormatException or IndexOutOfRangeException)
        {
            // Ingestion must not throw for a strange page; the whole body's blocks are the fallback below.
            content = null;
        }
        var paragraphs = Blocks(content);
        return paragraphs.Count > 0 ? paragraphs : bodyBlocks;
    }

    private static List<string> Blocks(IElement? root)
    {
        if (root is null) return [];
        var blocks = root.QuerySelectorAll(BlockSelector)
            .Where(e => e.QuerySelector(BlockSelector) is null)
            .Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0)
            .ToList();
        if (blocks.Count == 0 && root.TextContent.Trim().Length > 0) blocks.Add(root.TextContent.Trim());
        return blocks;
    }

    /// <summary>
    /// class/id words of page furniture on news sites (share bars, related links, tag lists, ads), matched as whole
    /// words between non-letters so that <c>article-tags</c> matches and <c>stage</c> or <c>header-title</c> do not.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![a-z])(?:share|sharing|social|related|baca-?juga|bacajuga|read-?also|tags?|topik|footer|navbar|nav|menu|breadcrumbs?|comments?|komentar|advert\w*|ads?|iklan|banner|newsletter|popular|terpopuler|sidebar|promo)(?![a-z])")]
    private static partial System.Text.RegularExpressions.Regex NoiseMarker();
}
