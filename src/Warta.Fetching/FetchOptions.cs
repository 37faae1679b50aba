using System.Net;

namespace Warta.Fetching;

/// <summary>Limits and identity of a <see cref="Fetcher"/>.</summary>
public sealed class FetchOptions
{
    /// <summary>Sent on every request; name the crawler and how to reach its operator.</summary>
    public string UserAgent { get; set; } = "WartaBot/1.0 (+https://github.com/warta/warta; warta@example.org)";

    /// <summary>The product token matched against <c>robots.txt</c> user-agent lines.</summary>
    public string RobotsProductToken { get; set; } = "WartaBot";

    /// <summary>Cap on a body after decompression, so a gzip bomb stops at the cap.</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Cap on a whole fetch, redirects included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for the next bytes of a response (a drip-feeding server ends with <see cref="FetchFailure.IdleTimeout"/>).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Media types accepted; a response without a <c>Content-Type</c> is accepted and left to sniffing.</summary>
    public IList<string> AllowedMediaTypes { get; } =
    [
        "text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml", "application/atom+xml",
        "application/feed+json", "application/json", "text/plain",
    ];

    /// <summary>The guard for requests that name none.</summary>
    public AddressGuard Guard { get; set; } = AddressGuard.PublicOnly;

    /// <summary>Resolves a host to addresses; the default is the system resolver. Tests map made-up host names to loopback.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; set; } = (host, ct) => Dns.GetHostAddressesAsync(host, ct);

    /// <summary>Told of every address considered at connect time, refused or not.</summary>
    public Action<ConnectAttempt>? OnConnectAttempt { get; set; }

    /// <summary>Told of every request as it is sent, with the time on the fetcher's clock (after any pacing wait).</summary>
    public Action<Uri, DateTimeOffset>? OnRequestStarted { get; set; }

    /// <summary>Least time between the starts of two requests to one host.</summary>
    public TimeSpan MinHostDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether to fetch and obey <c>robots.txt</c> (off only for fetching <c>robots.txt</c> itself and for tests of other things).</summary>
    public bool ObeyRobots { get; set; } = true;

    /// <summary>How long a host's <c>robots.txt</c> is trusted (RFC 9309 §2.4 asks for no more than 24 hours).</summary>
    public TimeSpan RobotsCacheTime { get; set; } = TimeSpan.FromHours(24);
}
