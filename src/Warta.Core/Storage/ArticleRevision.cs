namespace Warta.Core.Storage;

/// <summary>One version of a followed page: which stored article it was, and when it was fetched.</summary>
/// <param name="Key">The page's canonical URL key.</param>
/// <param name="Revision">1 for the first version, counting up.</param>
/// <param name="ArticleId">The article this version was stored as.</param>
/// <param name="Title">Its title, so the history reads without loading each article.</param>
/// <param name="Fetched">When it was fetched.</param>
public sealed record ArticleRevision(string Key, int Revision, string ArticleId, string Title, DateTimeOffset Fetched);
