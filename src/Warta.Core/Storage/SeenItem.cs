namespace Warta.Core.Storage;

/// <summary>A followed page already stored: its canonical key (<c>CanonicalUrl.KeyOf</c>), the article it became and its validators.</summary>
/// <param name="Key">The page's canonical URL key.</param>
/// <param name="Source">The source that listed it first.</param>
/// <param name="Url">The URL it was fetched from.</param>
/// <param name="ArticleId">The stored article (its current revision).</param>
/// <param name="Revision">1 for the first version stored, then one more for each changed version.</param>
/// <param name="FirstSeen">When it was first stored.</param>
/// <param name="LastFetched">When it was last fetched (a 304 counts).</param>
public sealed record SeenItem(string Key, string Source, string Url, string ArticleId, int Revision, DateTimeOffset FirstSeen, DateTimeOffset LastFetched)
{
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>When the page was found withdrawn (410, or a withdrawal notice); null while it stands.</summary>
    public DateTimeOffset? Retracted { get; init; }

    /// <summary>The title the feed item gave the page (a signal for the page's metadata), kept for a re-check without the feed.</summary>
    public string? ItemTitle { get; init; }

    /// <summary>The time the feed item gave the page, kept for a re-check without the feed.</summary>
    public Model.PublicationTime? ItemPublished { get; init; }

    /// <summary>The author the feed item gave the page, kept for a re-check without the feed.</summary>
    public string? ItemAuthor { get; init; }
}
