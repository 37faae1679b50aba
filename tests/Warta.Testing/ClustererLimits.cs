using Warta.Core.Clustering;

namespace Warta.Testing;

/// <summary>Clusterer settings for tests that must exercise every state change on a small stream.</summary>
public static class ClustererLimits
{
    /// <summary>Tight limits, so that the sample corpus prunes every centroid, merges stories (6 times) and evicts by the cap and by idleness.</summary>
    public static readonly StoryClustererOptions Tight = new()
    {
        MaxCentroidTerms = 32,
        MaxLiveStories = 5,
        AssignThreshold = 0.2,
        MergeThreshold = 0.05,
        IdleWindow = TimeSpan.FromDays(30),
    };
}
