namespace Warta.Core.Sources;

/// <summary>A parsed feed or sitemap: its kind, title, items and (for a sitemap index) the sitemaps it lists.</summary>
/// <param name="Kind">What the document is.</param>
/// <param name="Title">The feed's own title, if any.</param>
/// <param name="Items">The items with an absolute http(s) link, in document order.</param>
/// <param name="Sitemaps">For a sitemap index, the sitemaps it lists.</param>
/// <param name="Skipped">Items left out because their link was missing or not absolute http(s).</param>
public sealed record Feed(FeedKind Kind, string? Title, IReadOnlyList<FeedItem> Items, IReadOnlyList<string> Sitemaps, int Skipped);
