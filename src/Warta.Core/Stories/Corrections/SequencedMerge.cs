using Warta.Core.Model;

namespace Warta.Core.Stories.Corrections;

/// <summary>A clusterer merge with the change sequence number it was recorded at.</summary>
/// <param name="Sequence">Its change sequence number.</param>
/// <param name="Merge">The merge.</param>
public sealed record SequencedMerge(long Sequence, StoryMerge Merge);
