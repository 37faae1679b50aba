using System.Text;

namespace Warta.Core.Sources;

/// <summary>The key under which a followed article's URL is remembered, so the same article reached by another link is not fetched again.</summary>
/// <remarks>
/// Two links are the same article when they differ only in what outlets and aggregators vary without changing the page: the
/// scheme (http/https), the fragment, tracking parameters (<c>utm_*</c>, <c>fbclid</c>, detik's <c>tag_from</c>…), the order of
/// parameters, a trailing slash, the AMP or mobile edition (<c>amp.</c>/<c>m.</c> hosts, an <c>/amp</c> path segment,
/// <c>?amp=1</c>) and a "whole article on one page" switch (<c>?page=all</c>, <c>?single=1</c>). The key is for comparing,
/// not for fetching: fetch the URL as the feed gave it.
/// </remarks>
public static class CanonicalUrl
{
    private static readonly string[] EditionHostPrefixes = ["www.", "m.", "amp.", "mobile."];

    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "tag_from",
        "amp", "outputtype", "page", "single", "utm", "ref_src", "ito", "src",
    };

    /// <summary>The key of <paramref name="url"/>, or null when it is not an absolute http(s) URL.</summary>
    public static string? KeyOf(string url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        return KeyOf(uri);
    }

    /// <summary>The key of <paramref name="url"/>, or null when it is not an absolute http(s) URL.</summary>
    public static string? KeyOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.IdnHost.Length == 0) return null;
        var host = url.IdnHost.ToLowerInvariant();
        foreach (var prefix in EditionHostPrefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Length > prefix.Length && host.IndexOf('.', prefix.Length) > 0)
            {
                host = host[prefix.Length..];
                break;
            }
        }
        var key = new StringBuilder("https://").Append(host);
        if (!url.IsDefaultPort) key.Append(':').Append(url.Port);
        key.Append(Path(url.AbsolutePath));
        var query = Query(url.Query);
        if (query.Length > 0) key.Append('?').Append(query);
        return key.ToString();
    }

    private static string Path(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        // AMP editions put "amp" first (tribunnews.com/amp/…) or last (…/judul/amp).
        if (segments.Count > 1 && segments[0].Equals("amp", StringComparison.OrdinalIgnoreCase)) segments.RemoveAt(0);
        if (segments.Count > 1 && segments[^1].Equals("amp", StringComparison.OrdinalIgnoreCase)) segments.RemoveAt(segments.Count - 1);
        return "/" + string.Join('/', segments);
    }

    private static string Query(string query)
    {
        if (query.Length <= 1) return "";
        var kept = new List<string>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0];
            if (name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name) && IsEditionValue(name, pair)) continue;
            kept.Add(pair);
        }
        kept.Sort(StringComparer.Ordinal);
        return string.Join('&', kept);
    }

    /// <summary>Whether a parameter that is usually noise has its noise value here: <c>page=2</c> is a different page, <c>page=all</c> is not.</summary>
    private static bool IsEditionValue(string name, string pair)
    {
        var value = pair.Length > name.Length + 1 ? pair[(name.Length + 1)..] : "";
        return name.ToLowerInvariant() switch
        {
            "page" => value.Equals("all", StringComparison.OrdinalIgnoreCase),
            "single" => value is "1" or "true",
            "amp" => value is "" or "1" or "true",
            "outputtype" => value.Equals("amp", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }
}
