namespace Warta.Core.Stories;

/// <summary>The first telling of something in a story: a sentence no earlier article of the story says, with every article that says it since.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="ArticleId">The article that said it first.</param>
/// <param name="ArticleOrder">That article's position in the story (publication order, undated last, then id), for "new since this article".</param>
/// <param name="Published">That article's publication instant; null when undated.</param>
/// <param name="Citations">Every article that says it, earliest first.</param>
public sealed record StoryTelling(string Text, string ArticleId, int ArticleOrder, DateTimeOffset? Published, IReadOnlyList<StoryCitation> Citations);
