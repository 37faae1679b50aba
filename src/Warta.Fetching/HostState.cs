using Warta.Core.Sources;

namespace Warta.Fetching;

/// <summary>What the fetcher remembers of one host (scheme, name and port): its request gate, pacing, backoff and robots rules.</summary>
internal sealed class HostState
{
    /// <summary>At most one request at a time to one host.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Serialises fetches of <c>robots.txt</c>, so concurrent first requests fetch it once.</summary>
    public SemaphoreSlim RobotsGate { get; } = new(1, 1);

    public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;

    public DateTimeOffset BackoffUntil { get; set; } = DateTimeOffset.MinValue;

    public RobotsTxt? Robots { get; set; }

    public DateTimeOffset RobotsExpiry { get; set; } = DateTimeOffset.MinValue;
}
