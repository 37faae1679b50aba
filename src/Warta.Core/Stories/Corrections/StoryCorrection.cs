namespace Warta.Core.Stories.Corrections;

/// <summary>One editor's correction of the stories, as recorded: what, which stories and articles, who and when.</summary>
/// <param name="Sequence">The change sequence number it was recorded at; 0 before it is stored.</param>
/// <param name="Kind">Merge, split or move.</param>
/// <param name="StoryId">The story merged away, split, or left by the moved article.</param>
/// <param name="TargetStoryId">The story merged into, made by the split, or joined by the moved article.</param>
/// <param name="ArticleIds">The articles split off or moved (ordinal order); empty for a merge.</param>
/// <param name="By">Who made it (a user or API key name).</param>
/// <param name="At">When it was made.</param>
public sealed record StoryCorrection(
    long Sequence, StoryCorrectionKind Kind, string StoryId, string TargetStoryId, IReadOnlyList<string> ArticleIds, string By, DateTimeOffset At);
