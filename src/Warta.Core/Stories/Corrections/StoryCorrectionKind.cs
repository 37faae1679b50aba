namespace Warta.Core.Stories.Corrections;

/// <summary>What an editor corrected.</summary>
public enum StoryCorrectionKind
{
    /// <summary>Two stories are one: <see cref="StoryCorrection.StoryId"/> joined <see cref="StoryCorrection.TargetStoryId"/>.</summary>
    Merge = 1,

    /// <summary>Some articles of <see cref="StoryCorrection.StoryId"/> are another story: they went to the new <see cref="StoryCorrection.TargetStoryId"/>.</summary>
    Split = 2,

    /// <summary>An article belongs to another story: it left <see cref="StoryCorrection.StoryId"/> for <see cref="StoryCorrection.TargetStoryId"/>.</summary>
    Move = 3,
}
