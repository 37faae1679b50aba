namespace Warta.Core.Storage;

/// <summary>What a followed outlet later said about an article: withdrawn, or replaced by a later revision of its page.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Withdrawal">Its withdrawal, or null while it stands.</param>
/// <param name="SupersededBy">The article of its page's latest revision when that is another article; null when it is the latest.</param>
public sealed record ArticleStanding(string ArticleId, ArticleRetraction? Withdrawal, string? SupersededBy);
