using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Warta.Core.Model;

namespace Warta.Web.App;

/// <summary>An article's paragraphs as HTML with its annotations (entities, time expressions, quotes) highlighted: each run of text covered by the same annotations is one encoded <c>&lt;span&gt;</c> naming them.</summary>
/// <remarks>Annotations overlap (a name inside a quote), so the body is cut at every annotation boundary rather than nested.
/// Offsets are UTF-16 offsets into <see cref="Article.Body"/> (paragraphs joined by a blank line); out-of-range ones are ignored.</remarks>
internal static class AnnotatedText
{
    private sealed record Span(int Start, int End, string Class, string Label);

    public static IReadOnlyList<IHtmlContent> Paragraphs(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = article.Body;
        var spans = Spans(article.Annotations, body.Length);
        var paragraphs = new List<IHtmlContent>(article.Paragraphs.Count);
        var offset = 0;
        foreach (var paragraph in article.Paragraphs)
        {
            paragraphs.Add(Render(body, offset, offset + paragraph.Length, spans));
            offset += paragraph.Length + 2;
        }
        return paragraphs;
    }

    private static List<Span> Spans(ArticleAnnotations annotations, int length)
    {
        var spans = new List<Span>();
        void Add(int start, int count, string cls, string label)
        {
            if (start < 0 || count <= 0 || start + count > length) return;
            spans.Add(new Span(start, start + count, cls, label));
        }
        foreach (var e in annotations.Entities)
        {
            Add(e.Start, e.Length, "ent ent-" + e.Type.ToString().ToLowerInvariant(), e.Type.ToString().ToLowerInvariant() + ": " + e.CanonicalName);
        }
        foreach (var t in annotations.Times) Add(t.Start, t.Length, "tmx", t.Type.ToString().ToLowerInvariant() + ": " + (t.Value ?? "?"));
        foreach (var q in annotations.Quotes) Add(q.Start, q.Length, "quote", "quote: " + (q.Speaker ?? "?"));
        return spans;
    }

    private static HtmlString Render(string body, int from, int to, List<Span> spans)
    {
        var encoder = HtmlEncoder.Default;
        var inside = spans.Where(s => s.Start < to && s.End > from).ToList();
        var cuts = new SortedSet<int> { from, to };
        foreach (var s in inside)
        {
            cuts.Add(Math.Max(from, s.Start));
            cuts.Add(Math.Min(to, s.End));
        }
        var html = new StringBuilder();
        var points = cuts.ToList();
        for (var k = 0; k + 1 < points.Count; k++)
        {
            var (a, b) = (points[k], points[k + 1]);
            var text = encoder.Encode(body[a..b]);
            var covering = inside.Where(s => s.Start <= a && s.End >= b).ToList();
            if (covering.Count == 0)
            {
                html.Append(text);
                continue;
            }
            var classes = string.Join(' ', covering.SelectMany(static s => s.Class.Split(' ')).Distinct(StringComparer.Ordinal));
            var label = string.Join("; ", covering.Select(static s => s.Label));
            html.Append("<span class=\"").Append(encoder.Encode(classes)).Append("\" title=\"").Append(encoder.Encode(label)).Append("\">")
                .Append(text).Append("</span>");
        }
        return new HtmlString(html.ToString());
    }
}
