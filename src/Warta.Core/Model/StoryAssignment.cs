namespace Warta.Core.Model;

/// <summary>The decision that placed one article in one story.</summary>
/// <param name="ArticleId">The article placed.</param>
/// <param name="StoryId">The story it was placed in.</param>
/// <param name="CopyOfArticleId">Set when the article is a copy or light rewrite of an earlier one (the original).</param>
/// <param name="Similarity">Score of the match that decided it; 0 for an article that started its story.</param>
public sealed record StoryAssignment(string ArticleId, string StoryId, string? CopyOfArticleId, double Similarity);
