using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Warta.Web.App;

/// <summary>A search hit's snippet as HTML: every character encoded, and only the index's highlight marks (<c>[</c>word<c>]</c>) turned into <c>&lt;mark&gt;</c>.</summary>
/// <remarks>A bracket pair in the article's own text is marked too: harmless, since what is inside is still encoded text.</remarks>
internal static class SnippetMarkup
{
    public static IHtmlContent Render(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(snippet.Length + 32);
        var i = 0;
        while (i < snippet.Length)
        {
            var open = snippet.IndexOf('[', i);
            var close = open < 0 ? -1 : snippet.IndexOf(']', open + 1);
            // An unclosed "[", or one with another "[" before its "]", is text.
            if (open < 0 || close < 0 || snippet.AsSpan(open + 1, close - open - 1).Contains('['))
            {
                var end = open < 0 || close < 0 ? snippet.Length : open + 1;
                html.Append(encoder.Encode(snippet[i..end]));
                i = end;
                continue;
            }
            html.Append(encoder.Encode(snippet[i..open]));
            html.Append("<mark>").Append(encoder.Encode(snippet[(open + 1)..close])).Append("</mark>");
            i = close + 1;
        }
        return new HtmlString(html.ToString());
    }
}
