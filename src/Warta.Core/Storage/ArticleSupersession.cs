namespace Warta.Core.Storage;

/// <summary>A followed page fetched again with changed text: <paramref name="ArticleId"/> (an earlier revision) is superseded by <paramref name="SupersededBy"/>, the article its latest text became.</summary>
/// <param name="ArticleId">The earlier revision's article.</param>
/// <param name="SupersededBy">The later revision's article.</param>
public sealed record ArticleSupersession(string ArticleId, string SupersededBy);
