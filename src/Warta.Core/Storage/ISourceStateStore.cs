namespace Warta.Core.Storage;

/// <summary>Where a feed watcher keeps what it must not forget across restarts: per-source poll state, feed validators, the pages already stored, their revisions and retractions.</summary>
/// <remarks>
/// Written outside the placer's write lock, in small transactions of their own. A page is marked seen only after its article
/// is committed, with the article id: a page fetched but not committed is fetched again, and placing it again is a no-op
/// (the article id is derived from its content), so a crash loses nothing and stores nothing twice.
/// </remarks>
public interface ISourceStateStore
{
    Task<SourceState?> FindSourceStateAsync(string source, CancellationToken cancellationToken = default);

    Task SaveSourceStateAsync(SourceState state, CancellationToken cancellationToken = default);

    Task<FeedState?> FindFeedStateAsync(string source, string url, CancellationToken cancellationToken = default);

    Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken = default);

    /// <summary>The page stored under <paramref name="key"/>, or null when it has not been stored.</summary>
    Task<SeenItem?> FindSeenAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Pages of <paramref name="source"/> first seen at or after <paramref name="seenSince"/>, last fetched before <paramref name="fetchedBefore"/>, not withdrawn and stored as an article: those due for a re-check, least recently fetched first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SeenItem>> ListRecheckDueAsync(string source, DateTimeOffset seenSince, DateTimeOffset fetchedBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records <paramref name="item"/> (insert or replace by key); a new revision number also adds <paramref name="revision"/> to the page's history.</summary>
    Task SaveSeenAsync(SeenItem item, ArticleRevision? revision = null, CancellationToken cancellationToken = default);

    /// <summary>Records that <paramref name="retraction"/>'s article was withdrawn (the first report is kept).</summary>
    Task SaveRetractionAsync(ArticleRetraction retraction, CancellationToken cancellationToken = default);

    /// <summary>The withdrawal of <paramref name="articleId"/>, or null when it stands.</summary>
    Task<ArticleRetraction?> FindRetractionAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>Every version of the page whose article (any revision) is <paramref name="articleId"/>, oldest first; empty for an article not followed.</summary>
    Task<IReadOnlyList<ArticleRevision>> RevisionsOfAsync(string articleId, CancellationToken cancellationToken = default);

    /// <summary>The standing of those of <paramref name="articleIds"/> that were withdrawn or have a later revision, by article id (the others are absent).</summary>
    Task<IReadOnlyDictionary<string, ArticleStanding>> StandingOfAsync(IReadOnlyList<string> articleIds, CancellationToken cancellationToken = default);

    /// <summary>Counts of followed pages: stored, and withdrawn.</summary>
    Task<(int Seen, int Retracted)> CountSeenAsync(CancellationToken cancellationToken = default);

    /// <summary>How many withdrawals are recorded (<see cref="SaveRetractionAsync"/>): a number that grows with each, for a reader
    /// that must tell whether a story's articles still stand as they did (a withdrawal takes no change sequence number).</summary>
    /// <remarks>This default counts the withdrawn pages; a store reads its withdrawals' own count.</remarks>
    async Task<int> CountRetractionsAsync(CancellationToken cancellationToken = default) =>
        (await CountSeenAsync(cancellationToken).ConfigureAwait(false)).Retracted;
}
