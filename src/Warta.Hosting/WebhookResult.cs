namespace Warta.Hosting;

/// <summary>How one webhook POST went: delivered (2xx), failed for now (retry), or refused for good.</summary>
/// <param name="Delivered">The receiver answered 2xx.</param>
/// <param name="Permanent">Retrying cannot help (the address guard refused the host, or the URL is unusable).</param>
/// <param name="Error">What went wrong, one line; null when delivered.</param>
/// <param name="RetryAfter">The receiver's <c>Retry-After</c>, when it gave one.</param>
public sealed record WebhookResult(bool Delivered, bool Permanent, string? Error, TimeSpan? RetryAfter = null);
