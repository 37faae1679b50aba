using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Warta.Core.Storage;

namespace Warta.Web.Api;

/// <summary>The API's answers: JSON bodies with an ETag (304 on a matching <c>If-None-Match</c>), and problem+json errors.</summary>
internal static class ApiResults
{
    /// <summary>Most items one page returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Items a page returns when the request does not say.</summary>
    public const int DefaultLimit = 100;

    /// <summary>This build, in every store ETag: a new build may shape the same store's answers differently.</summary>
    private static readonly string Build = typeof(ApiResults).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    /// <summary><paramref name="body"/>, with a strong ETag (the hash of the body) unless <see cref="NotModifiedAsync"/> gave
    /// one already; 304 without body when the client has it.</summary>
    public static IResult Body(HttpContext http, string body, string contentType = "application/json; charset=utf-8") =>
        Body(http, Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>As <see cref="Body(HttpContext, string, string)"/>, for a body encoded already (a cached answer: a story of
    /// thousands of articles is megabytes, encoded once, not per request).</summary>
    public static IResult Body(HttpContext http, byte[] bytes, string contentType = "application/json; charset=utf-8")
    {
        if (http.Response.Headers.ETag.Count > 0) return Results.Bytes(bytes, contentType);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        return Matches(http, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(bytes, contentType);
    }

    /// <summary>For an answer made from the store alone: its ETag from the store's change sequence and the sequence its story
    /// views reflect (with the URL), set on the response; a 304 when the client has it, before anything is read or rendered.</summary>
    /// <remarks>Every write to what the API shows (placement, merge, correction, deletion) takes a change sequence number, the
    /// story views are saved with the number they reflect, and withdrawals are counted (<see cref="StoreVersion"/>), so equal
    /// versions mean an equal answer. Answers that read the
    /// search index, which follows the store a moment later, keep the body hash (<see cref="Body(HttpContext, string, string)"/>).</remarks>
    public static async Task<IResult?> NotModifiedAsync(HttpContext http, IWartaStore store, CancellationToken cancellationToken) =>
        NotModified(http, await StoreVersion.ReadAsync(store, cancellationToken).ConfigureAwait(false));

    /// <summary>As <see cref="NotModifiedAsync"/>, for a <paramref name="version"/> read already.</summary>
    public static IResult? NotModified(HttpContext http, StoreVersion version)
    {
        var url = http.Request.Path.Value + http.Request.QueryString.Value;
        var etag = string.Create(CultureInfo.InvariantCulture,
            $"\"{version}.{Build}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)).AsSpan(0, 6))}\"");
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        return Matches(http, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : null;
    }

    private static bool Matches(HttpContext http, string etag)
    {
        foreach (var value in http.Request.Headers.IfNoneMatch)
        {
            if (value is not null && (value == "*" || value.Split(',').Any(v => v.Trim() == etag))) return true;
        }
        return false;
    }

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>Reads <c>limit</c> and <c>offset</c>; a problem when they are not whole numbers in range.</summary>
    public static bool TryPage(string? limit, string? offset, out int limitValue, out int offsetValue, out IResult? problem)
    {
        limitValue = DefaultLimit;
        offsetValue = 0;
        problem = null;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out limitValue) || limitValue is < 1 or > MaxLimit))
        {
            problem = BadRequest($"limit must be a whole number from 1 to {MaxLimit}, not '{limit}'");
            return false;
        }
        if (offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out offsetValue))
        {
            problem = BadRequest($"offset must be a whole number, 0 or more, not '{offset}'");
            return false;
        }
        return true;
    }

    /// <summary>Reads a date or time (<c>2025-03-01</c>, <c>2025-03-01T12:00+07:00</c>; no offset means UTC); a problem when it is neither.</summary>
    public static bool TryTime(string name, string? value, out DateTimeOffset? time, out IResult? problem)
    {
        time = null;
        problem = null;
        if (value is null) return true;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }
        problem = BadRequest($"{name} must be a date (2025-03-01) or a time (2025-03-01T12:00+07:00), not '{value}'");
        return false;
    }
}
