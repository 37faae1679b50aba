using System.Security.Cryptography;
using System.Text;

namespace Warta.Core.Model;

/// <summary>Stable article id: the first 16 hex characters of SHA-256 over the normalised title and body.</summary>
/// <remarks>Normalisation folds case, curly quotes, dash variants and whitespace, so re-formatting an article keeps its id.</remarks>
public static class ArticleId
{
    public static string Of(string title, IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var content = Normalize(title) + "\n" + Normalize(string.Join(" ", paragraphs));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>Lower-case, straight quotes, hyphen for every dash, single spaces.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => char.ToLowerInvariant(raw),
            };
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
