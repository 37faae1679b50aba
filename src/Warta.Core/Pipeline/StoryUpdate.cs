namespace Warta.Core.Pipeline;

/// <summary>What one <see cref="StoryUpdater.Update"/> did.</summary>
/// <param name="Placed">Articles placed in stories.</param>
/// <param name="Replayed">Placed articles replayed to rebuild the clusterer (0 when it was restored).</param>
/// <param name="Restored">Whether the clusterer continued from the stored checkpoint.</param>
public sealed record StoryUpdate(int Placed, int Replayed, bool Restored);
