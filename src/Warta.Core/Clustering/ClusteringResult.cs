using Warta.Core.Model;

namespace Warta.Core.Clustering;

/// <summary>What placing one article changed: its assignment, the story summaries to upsert, merges decided, stories evicted.</summary>
/// <param name="Assignment">Where the article went.</param>
/// <param name="ChangedStories">Summaries of the stories that changed (the one joined or started, after any merge).</param>
/// <param name="Merges">Merges decided on this article's arrival, in order.</param>
/// <param name="EvictedStoryIds">Stories that left the working set; their last summary was already reported.</param>
public sealed record ClusteringResult(
    StoryAssignment Assignment,
    IReadOnlyList<Story> ChangedStories,
    IReadOnlyList<StoryMerge> Merges,
    IReadOnlyList<string> EvictedStoryIds);
