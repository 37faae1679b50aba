namespace Warta.Core.Stories;

/// <summary>One sentence of a story's brief, taken from one article and citing every article that states it.</summary>
/// <param name="Text">The sentence as its article writes it (a dateline in front removed).</param>
/// <param name="ArticleId">The article the words are taken from.</param>
/// <param name="Citations">The articles that state it, earliest first; the source article among them.</param>
public sealed record BriefSentence(string Text, string ArticleId, IReadOnlyList<StoryCitation> Citations);
