namespace Warta.Core.Search;

/// <summary>One article a search found.</summary>
/// <param name="ArticleId">The article's id in the store.</param>
/// <param name="Title">Its title.</param>
/// <param name="Outlet">Its normalised outlet key; empty when unknown.</param>
/// <param name="Language">Its ISO 639-1 code.</param>
/// <param name="Published">When it was published; null when undated.</param>
/// <param name="StoryId">The story the article is placed in (after merges); null when not placed.</param>
/// <param name="Score">Relevance score (higher is better); comparable only within one search.</param>
/// <param name="Snippet">A short passage of the body (or the title) with the matching words between <c>[</c> and <c>]</c>.</param>
public sealed record SearchHit(
    string ArticleId,
    string Title,
    string Outlet,
    string Language,
    DateTimeOffset? Published,
    string? StoryId,
    float Score,
    string Snippet);
