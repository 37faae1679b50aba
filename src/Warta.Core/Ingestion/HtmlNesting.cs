using System.Text;

namespace Warta.Core.Ingestion;

/// <summary>A nesting-depth budget for HTML: tags nested deeper than the budget are dropped (their text is kept) before the page is parsed.</summary>
/// <remarks>
/// The HTML tree builder checks the stack of open elements for every tag, so 100,000 nested <c>&lt;div&gt;</c>s (1.1 MB)
/// took AngleSharp 30 s; news pages nest a few dozen deep. The scan is a simplified tokenizer (comments, raw-text
/// elements, void elements and the elements whose end tag may be left out are honoured); it only needs to be right
/// enough to find the deep tags, and a page within the budget is returned unchanged.
/// </remarks>
public static class HtmlNesting
{
    /// <summary>Elements nested deeper than this are flattened into their parent; SmartReader took 1 s on a page nested 256 deep, 0.13 s at 128.</summary>
    public const int MaxDepth = 128;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
    };

    /// <summary>Elements whose end tag is implied by a following sibling of the same kind.</summary>
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "tr", "td", "th", "rb", "rt", "rp",
    };

    /// <summary>Block elements whose start tag closes an open <c>&lt;p&gt;</c>.</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    /// <summary>
    /// <paramref name="html"/> with every tag nested deeper than <paramref name="maxDepth"/> removed; the same string when
    /// none is. <paramref name="deepest"/> is the deepest nesting seen.
    /// </summary>
    public static string Flatten(string html, out int deepest, int maxDepth = MaxDepth)
    {
        ArgumentNullException.ThrowIfNull(html);
        var tags = Scan(html, maxDepth, out deepest);
        if (tags.Count == 0) return html;
        var flat = new StringBuilder(html.Length);
        var at = 0;
        foreach (var (start, length) in tags)
        {
            flat.Append(html, at, start - at);
            at = start + length;
        }
        flat.Append(html, at, html.Length - at);
        return flat.ToString();
    }

    /// <summary>The (start, length) of every tag to drop, in order.</summary>
    private static List<(int Start, int Length)> Scan(string html, int maxDepth, out int deepest)
    {
        var drop = new List<(int, int)>();
        var open = new List<string>();
        deepest = 0;
        var i = 0;
        while (true)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (endComment < 0) break;
                i = endComment + 3;
                continue;
            }
            var closing = html[lt + 1] == '/';
            var nameStart = lt + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<!doctype", "<?xml", "< 5": not an element tag.
                i = lt + 1;
                continue;
            }
            var gt = TagEnd(html, nameEnd);
            if (gt < 0) break;
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            i = gt + 1;
            if (closing)
            {
                // Looked for near the top only: a run of unmatched end tags must not scan the whole stack each time.
                var searched = Math.Min(open.Count, 4 * maxDepth);
                var match = searched == 0 ? -1 : open.LastIndexOf(name, open.Count - 1, searched);
                if (match < 0) continue;
                if (match >= maxDepth) drop.Add((lt, gt + 1 - lt));
                open.RemoveRange(match, open.Count - match);
                continue;
            }
            if (VoidElements.Contains(name) || html[gt - 1] == '/') continue;
            if (SelfClosingSiblings.Contains(name))
            {
                // "<p>a<p>b", "<li>a<li>b": the new element closes the open one and what was opened inside it.
                var sibling = open.LastIndexOf(name, open.Count - 1, Math.Min(open.Count, 8));
                if (sibling >= 0) open.RemoveRange(sibling, open.Count - sibling);
            }
            else if (ClosesParagraph.Contains(name) && open.Count > 0 && open[^1] == "p")
            {
                open.RemoveAt(open.Count - 1);
            }
            open.Add(name);
            deepest = Math.Max(deepest, open.Count);
            if (open.Count > maxDepth) drop.Add((lt, gt + 1 - lt));
            if (RawTextElements.Contains(name))
            {
                // The element's text is not markup: skip to its end tag.
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (end < 0) break;
                i = end;
            }
        }
        return drop;
    }

    /// <summary>The index of the <c>&gt;</c> ending a tag whose name ends at <paramref name="from"/>, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        var afterEquals = false;
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                continue;
            }
            if (c == '>') return j;
            if (c is '"' or '\'' && afterEquals) quote = c;
            if (c == '=') afterEquals = true;
            else if (!char.IsWhiteSpace(c)) afterEquals = false;
        }
        return -1;
    }
}
