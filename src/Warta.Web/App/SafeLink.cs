namespace Warta.Web.App;

/// <summary>Which stored URLs may become links: absolute http or https only, never <c>javascript:</c>, <c>data:</c> or a relative path.</summary>
internal static class SafeLink
{
    public static string? Href(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
}
