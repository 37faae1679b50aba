namespace Warta.Fetching;

/// <summary>A fetched response: the body bytes as sent (charset left to the caller's decoder unless the header names one), headers and the final URL.</summary>
public sealed record FetchResult
{
    public required Uri RequestedUrl { get; init; }

    /// <summary>The URL after redirects.</summary>
    public required Uri FinalUrl { get; init; }

    public required int StatusCode { get; init; }

    /// <summary>The server answered 304 to the conditional GET: <see cref="Body"/> is empty and the caller's copy is current.</summary>
    public bool NotModified => StatusCode == 304;

    /// <summary>The decompressed body; empty for 304.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The media type of <c>Content-Type</c>, lower-case, if sent.</summary>
    public string? MediaType { get; init; }

    /// <summary>The charset of <c>Content-Type</c>, if sent; otherwise decode with Warta's own DocumentDecoder.</summary>
    public string? Charset { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Response and content headers, names case-insensitive, repeated values joined with ", ".</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
}
