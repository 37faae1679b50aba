using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Warta.Web.Api;

/// <summary>The API's answers: JSON bodies with an ETag (304 on a matching <c>If-None-Match</c>), and problem+json errors.</summary>
internal static class ApiResults
{
    /// <summary>Most items one page returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Items a page returns when the request does not say.</summary>
    public const int DefaultLimit = 100;

    /// <summary><paramref name="body"/> with a strong ETag (hash of the body); 304 without body when the client has it.</summary>
    /// <remarks>Hashing the body costs about a microsecond per KiB, far less than reading the store for it; an ETag from the
    /// change sequence would save the read too, but only where a reply depends on the store alone (not on the index).</remarks>
    public static IResult Body(HttpContext http, string body, string contentType = "application/json; charset=utf-8")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        foreach (var value in http.Request.Headers.IfNoneMatch)
        {
            if (value is not null && (value == "*" || value.Split(',').Any(v => v.Trim() == etag))) return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(bytes, contentType);
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
