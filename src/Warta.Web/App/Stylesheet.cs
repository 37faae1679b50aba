using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Warta.Web.App;

/// <summary>The app's one stylesheet, embedded in this assembly so that any host (the <c>warta</c> executable, a test server) serves it without a web root.</summary>
internal static class Stylesheet
{
    public const string Path = "/css/warta.css";

    private static readonly Lazy<(byte[] Bytes, string ETag)> Content = new(static () =>
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Warta.Web.App.warta.css")
            ?? throw new InvalidOperationException("the embedded stylesheet Warta.Web.App.warta.css is missing");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
    });

    /// <summary>The stylesheet's URL with a version derived from its content, so a browser may cache it for long.</summary>
    public static string VersionedPath => Path + "?v=" + Content.Value.ETag.Trim('"');

    public static IResult Serve(HttpContext context)
    {
        var (bytes, etag) = Content.Value;
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=86400";
        if (string.Equals(context.Request.Headers.IfNoneMatch, etag, StringComparison.Ordinal)) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(bytes, "text/css; charset=utf-8");
    }
}
