namespace Warta.Core.Pipeline;

/// <summary>What a <see cref="StoryPlacer"/> did so far: recovery at start, placements, commits, checkpoints.</summary>
/// <param name="Restored">Whether the clusterer continued from the stored checkpoint.</param>
/// <param name="Replayed">Stored placements re-run through the clusterer at start (those after the checkpoint, or all without one).</param>
/// <param name="Placed">Articles placed in stories by this placer.</param>
/// <param name="Duplicates">Submitted articles skipped because they were placed already (stored or earlier in this run).</param>
/// <param name="Commits">Transactions written.</param>
/// <param name="CheckpointSaves">Checkpoints written.</param>
/// <param name="CheckpointBytes">Bytes of all checkpoints written.</param>
/// <param name="CheckpointTime">Time spent making and writing checkpoints.</param>
/// <param name="PlacingTime">Time spent analysing and clustering placed articles (recovery excluded).</param>
public sealed record PlacerStats(
    bool Restored, int Replayed, int Placed, int Duplicates, int Commits, int CheckpointSaves, long CheckpointBytes, TimeSpan CheckpointTime, TimeSpan PlacingTime)
{
    /// <summary>Stories the second look split (<see cref="Clustering.StoryClustererOptions.SplitMinMembers"/>).</summary>
    public int Splits { get; init; }
}
