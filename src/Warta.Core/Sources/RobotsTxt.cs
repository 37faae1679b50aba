using System.Globalization;
using System.Text;

namespace Warta.Core.Sources;

/// <summary>The rules of one site's <c>robots.txt</c> for one crawler, parsed as RFC 9309 says, with the sitemaps and crawl delay it lists.</summary>
/// <remarks>
/// <para>Matching (RFC 9309 §2.2): the groups whose <c>user-agent</c> names the crawler's product token (case-insensitively) are
/// combined; when none does, the <c>*</c> groups are; when there are none, everything is allowed. Among the rules whose path
/// pattern matches, the longest pattern wins; an <c>allow</c> and a <c>disallow</c> of equal length resolve to allow (the least
/// restrictive). Patterns support <c>*</c> (any characters) and a trailing <c>$</c> (end of the path). <c>/robots.txt</c> itself is
/// always allowed.</para>
/// <para>Only the first <see cref="MaxParsedBytes"/> of a file are parsed, as the RFC allows, so a huge file costs bounded memory.</para>
/// </remarks>
public sealed class RobotsTxt
{
    /// <summary>How much of a file is parsed: RFC 9309 asks crawlers to parse at least 500 kibibytes.</summary>
    public const int MaxParsedBytes = 512 * 1024;

    private readonly List<RobotsRule> _rules;

    private RobotsTxt(List<RobotsRule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps, bool disallowAll)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
        DisallowsAll = disallowAll;
    }

    /// <summary>No rules: a site without <c>robots.txt</c> (a 4xx answer) may be crawled entirely.</summary>
    public static RobotsTxt AllowAll { get; } = new([], null, [], disallowAll: false);

    /// <summary>Everything disallowed: a site whose <c>robots.txt</c> is unreachable (5xx, network error) is not crawled (RFC 9309 §2.3.1.4).</summary>
    public static RobotsTxt DisallowAll { get; } = new([], null, [], disallowAll: true);

    /// <summary>The <c>crawl-delay</c> of the matched groups (not in the RFC, but honoured by polite crawlers), if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Absolute sitemap URLs the file lists, in file order (they apply to every crawler).</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Whether nothing may be fetched (an unreachable <c>robots.txt</c>).</summary>
    public bool DisallowsAll { get; }

    /// <summary>Parses <paramref name="content"/> for the crawler whose product token is <paramref name="productToken"/> (e.g. <c>WartaBot</c>).</summary>
    public static RobotsTxt Parse(string content, string productToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(productToken);
        if (Encoding.UTF8.GetByteCount(content) > MaxParsedBytes) content = Cut(content);
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent" or "useragent" or "user agent":
                    // Consecutive user-agent lines open one group; one after rules opens the next.
                    if (current is null || !lastWasAgent)
                    {
                        current = new Group();
                        groups.Add(current);
                    }
                    current.Agents.Add(value);
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow":
                    // An empty path is no rule; rules before any user-agent line belong to no group.
                    if (current is not null && value.Length > 0) current.Rules.Add(new RobotsRule(NormalizePath(value), key == "allow"));
                    break;
                case "crawl-delay":
                    if (current is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= 86_400)
                    {
                        current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                    }
                    break;
                case "sitemap":
                    if (Uri.TryCreate(value, UriKind.Absolute, out var sitemap) && sitemap.Scheme is "http" or "https") sitemaps.Add(sitemap.AbsoluteUri);
                    break;
            }
            lastWasAgent = false;
        }
        var token = productToken.Trim();
        var matched = groups.Where(g => g.Agents.Any(a => a.Equals(token, StringComparison.OrdinalIgnoreCase))).ToList();
        if (matched.Count == 0) matched = [.. groups.Where(static g => g.Agents.Any(static a => a == "*"))];
        var rules = matched.SelectMany(static g => g.Rules).ToList();
        var delay = matched.Select(static g => g.CrawlDelay).Where(static d => d is not null).Max();
        return new RobotsTxt(rules, delay, sitemaps, disallowAll: false);
    }

    /// <summary>Whether the crawler may fetch <paramref name="pathAndQuery"/> (the URL's path and query, e.g. <c>/berita/1?x=2</c>).</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var path = pathAndQuery.Length == 0 ? "/" : NormalizePath(pathAndQuery);
        if (path == "/robots.txt") return true;
        if (DisallowsAll) return false;
        RobotsRule? best = null;
        foreach (var rule in _rules)
        {
            if (!rule.Matches(path)) continue;
            if (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)) best = rule;
        }
        return best?.Allow ?? true;
    }

    /// <summary>Whether the crawler may fetch <paramref name="url"/>.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return IsAllowed(url.IsAbsoluteUri ? url.PathAndQuery : url.OriginalString);
    }

    /// <summary>Percent-encoding in one form, so <c>/a%3c</c>, <c>/a%3C</c> and a raw non-ASCII path compare equal: unreserved
    /// characters decoded, other escapes upper-cased, non-ASCII and spaces encoded as UTF-8 (RFC 9309 §2.2.2).</summary>
    public static string NormalizePath(string path)
    {
        var text = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                var value = (char)Convert.ToInt32(path.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~') text.Append(value);
                else text.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                i += 2;
            }
            else if (c > 0x7F || c == ' ' || char.IsControl(c))
            {
                var end = char.IsHighSurrogate(c) && i + 1 < path.Length ? i + 2 : i + 1;
                foreach (var b in Encoding.UTF8.GetBytes(path[i..end])) text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                i = end - 1;
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>The longest prefix of whole lines within <see cref="MaxParsedBytes"/>.</summary>
    private static string Cut(string content)
    {
        var bytes = 0;
        var end = 0;
        for (var i = 0; i < content.Length; i++)
        {
            bytes += content[i] < 0x80 ? 1 : content[i] < 0x800 ? 2 : char.IsSurrogate(content[i]) ? 2 : 3;
            if (bytes > MaxParsedBytes) break;
            if (content[i] == '\n') end = i + 1;
        }
        return content[..end];
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<RobotsRule> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }
}
