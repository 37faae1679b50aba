namespace Warta.Core.Sources;

/// <summary>What a followed source's document is: a feed of recent items, a sitemap of pages, or an index of sitemaps.</summary>
public enum FeedKind
{
    Rss,
    Atom,
    JsonFeed,
    Sitemap,
    SitemapIndex,
}
