using Warta.Core.Model;

namespace Warta.Core.Sources;

/// <summary>One item a feed or sitemap lists: the article's link, and what the feed says about it (signals for metadata, not the article).</summary>
/// <param name="Url">The absolute http(s) link to the article page.</param>
/// <param name="Title">The item's title, if the feed gives one.</param>
/// <param name="Published">The item's publication (or, in a plain sitemap, last-modified) time.</param>
/// <param name="Author">The item's author (RSS author, dc:creator, Atom or JSON Feed author).</param>
/// <param name="Id">The feed's own id for the item (RSS guid, Atom id), if any.</param>
public sealed record FeedItem(string Url, string? Title, PublicationTime? Published, string? Author, string? Id);
