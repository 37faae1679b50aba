namespace Warta.Core.Storage;

/// <summary>One entry of the store's change sequence: what changed, numbered in commit order.</summary>
/// <param name="Sequence">Strictly increasing over the store's life; a reader resumes after the last one it handled.</param>
/// <param name="Kind">What changed.</param>
/// <param name="ArticleId">The article stored or placed, or whose arrival decided the merge.</param>
/// <param name="StoryId">The story the article was placed in, or the story a merge kept; null for <see cref="StoreChangeKind.ArticleAdded"/>.</param>
/// <param name="FromStoryId">The story a merge absorbed; null otherwise.</param>
public sealed record StoreChange(long Sequence, StoreChangeKind Kind, string ArticleId, string? StoryId, string? FromStoryId);
