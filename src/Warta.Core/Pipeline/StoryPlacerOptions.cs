using Warta.Core.Clustering;

namespace Warta.Core.Pipeline;

/// <summary>How a <see cref="StoryPlacer"/> batches commits, saves checkpoints, orders its input and waits for the write lock.</summary>
public sealed record StoryPlacerOptions
{
    /// <summary>Clusterer settings; a checkpoint made under other settings is not used.</summary>
    public StoryClustererOptions? Clusterer { get; init; }

    /// <summary>Placed articles per commit at most.</summary>
    public int BatchArticles { get; init; } = 500;

    /// <summary>A batch older than this is committed with the next submission, however small.</summary>
    public int BatchMs { get; init; } = 2000;

    /// <summary>A checkpoint goes with the first commit after this many placements since the last one (and at the end of a run).</summary>
    /// <remarks>The snapshot is written whole (about 0.5 MB after 800 uci headlines), so writing it with every commit
    /// would cost more than the commit; recovery re-runs at most this many placements after it.</remarks>
    public int CheckpointEveryArticles { get; init; } = 5000;

    /// <summary>… or after this long since the last one.</summary>
    public int CheckpointEverySeconds { get; init; } = 60;

    /// <summary>Articles held by the reorder window (see <see cref="PlacementOrder"/>).</summary>
    public int ReorderWindow { get; init; } = PlacementOrder.DefaultCapacity;

    /// <summary>How long to wait for another writer's lock before giving up with <see cref="Storage.StoreBusyException"/>.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The followers catch up after the first commit once this many articles were committed since they last did; 0: after every commit.</summary>
    /// <remarks>A flush (<see cref="StoryPlacer.FlushAsync"/>) and the end of a run (<see cref="StoryPlacer.CompleteAsync"/>) catch
    /// them up regardless. A bulk load sets it: a story view is rebuilt from a sample of up to
    /// <see cref="Stories.StoryViewBuilder.MaxArticles"/> articles and carries entities that grow with the story, so rebuilding
    /// the views of the stories each commit touched cost more per article the larger the stories grew; caught up every few
    /// thousand articles, a story that gained many of them is rebuilt once.</remarks>
    public int FollowEveryArticles { get; init; }

    /// <summary>Kept in step with the store: caught up when the placer opens and after its commits (see <see cref="FollowEveryArticles"/>).</summary>
    public IReadOnlyList<Storage.IChangeFollower> Followers { get; init; } = [];

    /// <summary>The reader's outlet directory: the pairings it learned go into the store with each commit; null stores none.</summary>
    public Extraction.OutletDirectory? Outlets { get; init; }
}
