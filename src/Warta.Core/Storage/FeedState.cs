namespace Warta.Core.Storage;

/// <summary>The validators of one feed or sitemap as last fetched, for the next conditional GET, and its last failure.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="Url">The feed's URL as configured.</param>
/// <param name="ETag">The last response's <c>ETag</c>.</param>
/// <param name="LastModified">The last response's <c>Last-Modified</c>.</param>
/// <param name="LastError">Why the last fetch or parse failed; null after a success.</param>
public sealed record FeedState(string Source, string Url, string? ETag, DateTimeOffset? LastModified, string? LastError);
