namespace Warta.Core.Model;

/// <summary>A recorded decision that two stories are one: <see cref="FromStoryId"/> joins <see cref="IntoStoryId"/>.</summary>
/// <param name="FromStoryId">The story absorbed; its id stays resolvable through this record.</param>
/// <param name="IntoStoryId">The story that remains.</param>
/// <param name="ArticleId">The article whose arrival bridged the two.</param>
/// <param name="Similarity">The bridge's score against the absorbed story.</param>
public sealed record StoryMerge(string FromStoryId, string IntoStoryId, string ArticleId, double Similarity);
