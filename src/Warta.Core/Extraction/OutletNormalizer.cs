using System.Text.RegularExpressions;

namespace Warta.Core.Extraction;

/// <summary>Turns any outlet mention (dateline, URL, site name, record field) into one lower-case host-like key.</summary>
/// <remarks>
/// <c>RAKYATKU.COM</c>, <c>Rakyatku.Com</c> → <c>rakyatku.com</c>; <c>KOMPAS. com</c> → <c>kompas.com</c>;
/// <c>https://www.detik.com/x</c> and <c>news.detik.com</c> → <c>detik.com</c> (registrable domain, keeping
/// second-level suffixes such as <c>co.id</c>). Names that are not hosts (<c>CNN Indonesia</c>) are only lower-cased
/// with single spaces, except the codes of a few news agencies (<c>ANTARA</c> → <c>antaranews.com</c>). Idempotent and
/// case-insensitive.
/// </remarks>
public static partial class OutletNormalizer
{
    /// <summary>Second-level suffixes under which the registrable domain has three labels.</summary>
    private static readonly HashSet<string> SecondLevelSuffixes = new(StringComparer.Ordinal)
    {
        "co.id", "ac.id", "go.id", "or.id", "web.id", "my.id", "sch.id", "net.id", "mil.id", "biz.id",
        "co.uk", "org.uk", "ac.uk", "com.au", "net.au", "com.sg", "com.my", "co.jp", "com.br", "co.in",
    };

    /// <summary>
    /// News agencies by the code their copy carries in the dateline (<c>JAKARTA (ANTARA) -</c>): a code, not a host, so
    /// nothing else in the text would give the agency's site.
    /// </summary>
    private static readonly Dictionary<string, string> AgencyCodes = new(StringComparer.Ordinal)
    {
        ["antara"] = "antaranews.com",
        ["antara news"] = "antaranews.com",
        ["antaranews"] = "antaranews.com",
        ["reuters"] = "reuters.com",
        ["afp"] = "afp.com",
        ["ap"] = "apnews.com",
        ["bernama"] = "bernama.com",
    };

    public static string Normalize(string? outlet)
    {
        if (string.IsNullOrWhiteSpace(outlet)) return "";
        var s = outlet.ToLowerInvariant();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        var cut = s.IndexOfAny(['/', '?', '#']);
        if (cut >= 0) s = s[..cut];
        s = DotWithSpaces().Replace(s, ".");
        s = Whitespace().Replace(s, " ").Trim(' ', '.');
        if (AgencyCodes.TryGetValue(s, out var agency)) return agency;
        if (s.Length == 0 || s.Contains(' ', StringComparison.Ordinal) || !s.Contains('.', StringComparison.Ordinal)) return s;
        return RegistrableDomain(s);
    }

    /// <summary>True when <paramref name="text"/> is a bare host name such as <c>beritakota.net</c> or <c>Kabarnusa.id</c>.</summary>
    public static bool IsHostLike([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) => text is not null && HostName().IsMatch(text.Trim());

    private static string RegistrableDomain(string host)
    {
        var labels = host.Split('.');
        if (labels.Length <= 2) return host;
        var lastTwo = labels[^2] + "." + labels[^1];
        return SecondLevelSuffixes.Contains(lastTwo) ? labels[^3] + "." + lastTwo : lastTwo;
    }

    [GeneratedRegex(@"\s*\.+\s*(?:\.+\s*)*")]
    private static partial Regex DotWithSpaces();

    [GeneratedRegex(@"^(?:www\.)?(?:[\p{L}\d-]+\.)+\p{L}{2,}$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
