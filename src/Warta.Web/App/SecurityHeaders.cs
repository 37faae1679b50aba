using Microsoft.AspNetCore.Http;

namespace Warta.Web.App;

/// <summary>Headers that keep hostile article text inert in a browser: a strict Content-Security-Policy (no inline script or style), no MIME sniffing, no referrer leaks.</summary>
/// <remarks>Applied to everything but <c>/api</c>, whose interactive docs set their own policy.</remarks>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
        }
        return next();
    }
}
