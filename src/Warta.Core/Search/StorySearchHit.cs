namespace Warta.Core.Search;

/// <summary>One story a search found, ranked by its matching articles and how recent it is.</summary>
/// <param name="StoryId">The story's id (stories absorbed by a merge are folded into the one that absorbed them).</param>
/// <param name="Headline">The story's headline when the index knows the store, else the title of its best matching article.</param>
/// <param name="MatchingArticles">Articles of the story that match the query.</param>
/// <param name="Score">The story's rank score: its articles' scores, decayed by age relative to the newest match.</param>
/// <param name="LastActivity">Latest publication time among its matching articles.</param>
/// <param name="BestArticleId">Its best matching article.</param>
public sealed record StorySearchHit(
    string StoryId,
    string Headline,
    int MatchingArticles,
    float Score,
    DateTimeOffset? LastActivity,
    string BestArticleId);
