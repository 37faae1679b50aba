using Warta.Core.Model;

namespace Warta.Core.Clustering;

/// <summary>What a removal or an editor's correction changed in the working set: the live stories whose summaries changed, and the stories that left it.</summary>
/// <param name="ChangedStories">Summaries of the live stories that changed, by id.</param>
/// <param name="DroppedStoryIds">Stories that left the working set: left with no article, or merged with a story no longer in it.</param>
public sealed record ClustererChange(IReadOnlyList<Story> ChangedStories, IReadOnlyList<string> DroppedStoryIds)
{
    /// <summary>Nothing changed.</summary>
    public static ClustererChange None { get; } = new([], []);
}
