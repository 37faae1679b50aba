namespace Warta.Fetching;

/// <summary>One URL to fetch, with the validators of the copy the caller already has (for a conditional GET).</summary>
public sealed record FetchRequest(Uri Url)
{
    /// <summary>The <c>ETag</c> of the caller's copy, sent as <c>If-None-Match</c>.</summary>
    public string? ETag { get; init; }

    /// <summary>The <c>Last-Modified</c> of the caller's copy, sent as <c>If-Modified-Since</c>.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The guard for this source; null means the fetcher's default (public addresses only unless configured).</summary>
    public AddressGuard? Guard { get; init; }
}
