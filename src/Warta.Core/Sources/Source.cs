namespace Warta.Core.Sources;

/// <summary>One followed outlet: the feeds and sitemaps it publishes, how often to poll them, and which addresses its fetches may reach.</summary>
/// <param name="Name">The source's key in the store and in logs (unique within a sources file).</param>
/// <param name="Feeds">RSS 2.0, Atom 1.0 or JSON Feed URLs.</param>
/// <param name="Sitemaps">Sitemaps (news sitemaps included) or sitemap indexes.</param>
public sealed record Source(string Name, IReadOnlyList<Uri> Feeds, IReadOnlyList<Uri> Sitemaps)
{
    /// <summary>The outlet's name or domain when known; otherwise the page's own metadata and host name it.</summary>
    public string? Outlet { get; init; }

    /// <summary>The starting poll interval; it then adapts within <see cref="MinPollInterval"/> and <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromHours(2);

    /// <summary>At most this many new pages are fetched per poll of one feed (the rest wait for the next poll).</summary>
    public int MaxItemsPerPoll { get; init; } = 50;

    /// <summary>A page seen within this window and listed again is re-fetched (conditionally) to catch edits and withdrawals.</summary>
    public TimeSpan RecheckWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Least time between two re-fetches of one page.</summary>
    public TimeSpan RecheckEvery { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Allows fetches to private (RFC 1918, ULA) addresses: only for a source on one's own network.</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Allows fetches to loopback: only for tests against a local fixture server.</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Every URL the source is polled at, feeds first.</summary>
    public IEnumerable<Uri> Documents => Feeds.Concat(Sitemaps);
}
