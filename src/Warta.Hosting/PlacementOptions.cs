using Warta.Core.Pipeline;

namespace Warta.Hosting;

/// <summary>How the placement service batches, checkpoints and waits for the write lock, bound from the <c>Placer</c> section.</summary>
/// <remarks>
/// <c>{"placer": {"lockTimeoutSeconds": 5}}</c> in <c>warta.json</c>, <c>WARTA_PLACER__LOCKTIMEOUTSECONDS=5</c> in the
/// environment, <c>--lock-timeout 5</c> on <c>warta ingest</c>. Defaults are <see cref="StoryPlacerOptions"/>'s.
/// </remarks>
public sealed class PlacementOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Placer";

    /// <summary>Placed articles per commit at most.</summary>
    public int BatchArticles { get; set; } = 500;

    /// <summary>A batch older than this is committed with the next submission, however small.</summary>
    public int BatchMs { get; set; } = 2000;

    /// <summary>A checkpoint goes with the first commit after this many placements since the last one.</summary>
    public int CheckpointEveryArticles { get; set; } = 5000;

    /// <summary>… or after this long since the last one.</summary>
    public int CheckpointEverySeconds { get; set; } = 60;

    /// <summary>The followers (search index, story views, alerts) catch up once this many articles were committed since they last did; 0: after every commit.</summary>
    /// <remarks><c>warta ingest</c> uses 2,000 unless this is set; a flush and the end of a run catch them up regardless.</remarks>
    public int FollowEveryArticles { get; set; }

    /// <summary>Seconds to wait while another writer holds the store before giving up.</summary>
    public double LockTimeoutSeconds { get; set; } = 30;

    /// <summary>Articles the placer holds to place them in publication-time order (see <see cref="PlacementOrder"/>).</summary>
    public int ReorderWindow { get; set; } = PlacementOrder.DefaultCapacity;

    /// <summary>Submissions waiting for the placer at most; a submitter beyond this waits (back-pressure).</summary>
    public int QueueCapacity { get; set; } = 16;

    /// <summary>The placer's second look (<see cref="Core.Clustering.StoryClustererOptions.SplitMinMembers"/>): true on at the measured setting, false off; unset: the clusterer's default (on).</summary>
    /// <remarks>Clusterer options are part of the checkpoint's fingerprint: after a change the next placer replays the stored placements once.</remarks>
    public bool? SecondLook { get; set; }

    /// <summary>Clusterer settings by name (<c>"placer": {"clusterer": {"splitBelow": 0.55}}</c>); unset: the defaults. <see cref="SecondLook"/> applies on top.</summary>
    /// <remarks>For exploring and tests: the defaults are the measured settings (see <see cref="Core.Clustering.StoryClustererOptions"/>).</remarks>
    public Core.Clustering.StoryClustererOptions? Clusterer { get; set; }

    /// <summary>Whether the host goes on while the placer opens (its checkpoint restored, the placements after it run again,
    /// the followers caught up), submissions waiting for it: <c>warta serve</c> answers reads meanwhile. Off: the host's start
    /// waits for the placer, and fails when it cannot open (another writer kept the lock), as <c>warta ingest</c> needs.</summary>
    public bool OpenInBackground { get; set; }

    /// <summary>Whether every setting is in range; the validation message says which keys these are.</summary>
    internal bool IsValid =>
        BatchArticles > 0 && BatchMs >= 0 && CheckpointEveryArticles > 0 && CheckpointEverySeconds > 0
        && LockTimeoutSeconds >= 0 && double.IsFinite(LockTimeoutSeconds) && QueueCapacity > 0 && ReorderWindow >= 0 && FollowEveryArticles >= 0;

    /// <summary>The placer's options for these settings.</summary>
    public StoryPlacerOptions ToStoryPlacerOptions() => new()
    {
        BatchArticles = BatchArticles,
        BatchMs = BatchMs,
        CheckpointEveryArticles = CheckpointEveryArticles,
        CheckpointEverySeconds = CheckpointEverySeconds,
        LockTimeout = TimeSpan.FromSeconds(LockTimeoutSeconds),
        ReorderWindow = ReorderWindow,
        FollowEveryArticles = FollowEveryArticles,
        Clusterer = SecondLook is { } on
            ? (Clusterer ?? new()) with { SplitMinMembers = on ? Core.Clustering.StoryClustererOptions.MeasuredSplitMinMembers : 0 }
            : Clusterer,
    };
}
