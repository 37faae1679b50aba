using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories.Corrections;
using Warta.Text;

namespace Warta.Core.Pipeline;

/// <summary>Deletion and editors' corrections, made by the one writer so the clusterer, the stored stories and the checkpoint stay one state.</summary>
/// <remarks>
/// <para>Each first commits what was placed (the store then holds every placement the clusterer has), changes the
/// clusterer, then writes the change with the clusterer's summaries of the live stories it touched and a checkpoint of the
/// clusterer in one transaction: the next writer restores that checkpoint instead of re-running the stream.</para>
/// <para>A replay (no usable checkpoint, or the placements after one) places each stored article in the story it was
/// placed in then, after the merges its arrival decided, and applies the corrections and the merges of deleted articles
/// where they were numbered: it follows the store, story ids included, and keeps every correction.</para>
/// </remarks>
public sealed partial class StoryPlacer
{
    /// <summary>Applies an editor's correction (made by <see cref="StoryCorrectionPlanner"/> on the current store) and records it; returns it as recorded.</summary>
    /// <exception cref="NotSupportedException">The store keeps no corrections.</exception>
    public async Task<StoryCorrection> CorrectAsync(StoryCorrection correction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var store = CorrectionStore();
        await CommitPlacedAsync(cancellationToken).ConfigureAwait(false);
        var change = await ApplyAsync(_clusterer, _analyzer, store, correction, cancellationToken).ConfigureAwait(false);
        var recorded = await store.ApplyCorrectionAsync(correction, change.ChangedStories, TakeCheckpoint(), cancellationToken).ConfigureAwait(false);
        foreach (var follower in _options.Followers) await follower.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        _sinceFollowArticles = 0;
        return recorded;
    }

    /// <summary>Deletes a stored article (exact id): out of the clusterer and the store, with a checkpoint in the same transaction; null when no article has that id.</summary>
    /// <exception cref="NotSupportedException">The store cannot delete with a checkpoint.</exception>
    public async Task<StoreChange?> DeleteAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        var store = CorrectionStore();
        await CommitPlacedAsync(cancellationToken).ConfigureAwait(false);
        var placed = await store.GetPlacedAsync([articleId], cancellationToken).ConfigureAwait(false);
        ClustererCheckpoint? checkpoint = null;
        var change = ClustererChange.None;
        if (placed.Count == 1)
        {
            var (title, body) = Analyze(_analyzer, placed[0].Article);
            change = _clusterer.Remove(new AnalyzedArticle(placed[0].Article, title, body));
            _placedTotal--;
            checkpoint = TakeCheckpoint();
        }
        var deleted = await store.DeleteArticleAsync(articleId, change.ChangedStories, checkpoint, cancellationToken).ConfigureAwait(false);
        foreach (var follower in _options.Followers) await follower.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        _sinceFollowArticles = 0;
        return deleted;
    }

    private IStoryCorrectionStore CorrectionStore() =>
        _store as IStoryCorrectionStore ?? throw new NotSupportedException("this store keeps no corrections");

    /// <summary>Commits the open batch and waits for the store: afterwards the store holds every placement the clusterer has (the reorder window is not placed yet).</summary>
    public async Task CommitPlacedAsync(CancellationToken cancellationToken = default)
    {
        if (_batch.Articles.Count > 0) await CommitAsync(false, cancellationToken).ConfigureAwait(false);
        await _inFlight.ConfigureAwait(false);
    }

    private ClustererCheckpoint? TakeCheckpoint()
    {
        if (_lastArticleId is null) return null;
        var checkpoint = new ClustererCheckpoint(StoryClusterer.SnapshotFormatVersion, _fingerprint, _placedTotal, _lastArticleId, _clusterer.CreateSnapshot());
        _stats = _stats with { CheckpointSaves = _stats.CheckpointSaves + 1, CheckpointBytes = _stats.CheckpointBytes + checkpoint.Snapshot.Length };
        _sinceCheckpointArticles = 0;
        _sinceCheckpoint.Restart();
        return checkpoint;
    }

    /// <summary>Changes the clusterer as <paramref name="correction"/> says; the live placer and a replay both come here.</summary>
    private static async Task<ClustererChange> ApplyAsync(
        StoryClusterer clusterer, ITextAnalyzer analyzer, IStoryCorrectionStore store, StoryCorrection correction, CancellationToken cancellationToken)
    {
        if (correction.Kind == StoryCorrectionKind.Merge) return clusterer.MergeStories(correction.StoryId, correction.TargetStoryId);
        var placed = await store.GetPlacedAsync(correction.ArticleIds, cancellationToken).ConfigureAwait(false);
        var analyzed = placed.Select(p =>
        {
            var (title, body) = Analyze(analyzer, p.Article);
            return (Article: new AnalyzedArticle(p.Article, title, body), CopyOf: p.Assignment?.CopyOfArticleId);
        }).ToList();
        if (correction.Kind == StoryCorrectionKind.Move)
        {
            return analyzed.Count == 0 ? ClustererChange.None : clusterer.Move(analyzed[0].Article, analyzed[0].CopyOf, correction.TargetStoryId);
        }
        if (analyzed.Count == 0) return ClustererChange.None;
        var earliest = analyzed.Select(static a => a.Article.Article)
            .OrderBy(static a => a.Published is null).ThenBy(static a => a.Published?.Value.UtcTicks).ThenBy(static a => a.Id, StringComparer.Ordinal).First();
        return clusterer.Split(correction.StoryId, correction.TargetStoryId, analyzed, earliest.Title);
    }

    private static async Task<ReplayedCorrections> ReplayedCorrectionsAsync(IPlacementStore store, long since, CancellationToken cancellationToken)
    {
        if (store is not IStoryCorrectionStore corrections) return new ReplayedCorrections(null, []);
        var events = new List<(long Sequence, StoryCorrection? Correction, StoryMerge? Merge)>();
        foreach (var correction in await corrections.ListCorrectionsSinceAsync(since, cancellationToken).ConfigureAwait(false))
        {
            events.Add((correction.Sequence, correction, null));
        }
        foreach (var orphan in await corrections.ListOrphanMergesSinceAsync(since, cancellationToken).ConfigureAwait(false))
        {
            events.Add((orphan.Sequence, null, orphan.Merge));
        }
        events.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return new ReplayedCorrections(corrections, events);
    }

    /// <summary>The corrections and the merges of deleted articles a replay applies, in change order, between the placements they came between.</summary>
    private sealed class ReplayedCorrections(IStoryCorrectionStore? store, List<(long Sequence, StoryCorrection? Correction, StoryMerge? Merge)> events)
    {
        private int _next;

        /// <summary>Whether any is still to be applied.</summary>
        public bool AnyLeft => _next < events.Count;

        public async Task ApplyBeforeAsync(StoryClusterer clusterer, ITextAnalyzer analyzer, long sequence, CancellationToken cancellationToken)
        {
            for (; _next < events.Count && events[_next].Sequence < sequence; _next++)
            {
                var (_, correction, merge) = events[_next];
                if (correction is not null)
                {
                    await ApplyAsync(clusterer, analyzer, store!, correction, cancellationToken).ConfigureAwait(false);
                }
                else if (merge is not null && clusterer.IsLive(merge.FromStoryId) && clusterer.IsLive(merge.IntoStoryId))
                {
                    // A merge decided by an article since deleted: the stories stay merged in the store, so in the clusterer too.
                    clusterer.MergeStories(merge.FromStoryId, merge.IntoStoryId);
                }
            }
        }
    }
}
