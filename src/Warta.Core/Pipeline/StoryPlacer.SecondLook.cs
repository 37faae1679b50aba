using Warta.Core.Clustering;
using Warta.Core.Storage;
using Warta.Core.Stories.Corrections;

namespace Warta.Core.Pipeline;

/// <summary>The second look (<see cref="StoryClusterer.ProposeSplits"/>) taken every few placements, its splits recorded as split corrections.</summary>
/// <remarks>
/// A split is committed as an editor's split is (the placements before it first, then the correction with the summaries
/// of the two stories), by <see cref="SecondLookAuthor"/>: followers see it in the change sequence, and a replay applies it
/// where it was numbered, so recovery stays exact. No checkpoint is forced: the usual schedule applies. A store that keeps
/// no corrections gets no splits.
/// </remarks>
public sealed partial class StoryPlacer
{
    /// <summary>The <see cref="StoryCorrection.By"/> of the splits the placer makes itself.</summary>
    public const string SecondLookAuthor = "warta:second-look";

    /// <summary>Told each split the second look made, as recorded (the evaluation moves the articles in its scoring).</summary>
    public Action<StoryCorrection>? OnCorrected { get; set; }

    /// <summary>Counts a placement toward the second look and takes the look when it is due.</summary>
    /// <remarks>Called right after each placement and before the batch may commit, so a checkpoint never holds a look that
    /// is due and not taken: the look's count and window are cleared before any commit its splits make.</remarks>
    private async Task LookAgainAsync(CancellationToken cancellationToken)
    {
        if (_clusterer.CountForLook()) await TakeLookAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the second look; applies and records each split it proposes.</summary>
    private async Task TakeLookAsync(CancellationToken cancellationToken)
    {
        if (_store is not IStoryCorrectionStore store)
        {
            // No split can be recorded: the look's bookkeeping alone, as a replay takes it.
            _clusterer.PassLook();
            return;
        }
        _placing.Start();
        var proposals = _clusterer.ProposeSplits();
        _placing.Stop();
        foreach (var proposal in proposals)
        {
            if (!_clusterer.IsLive(proposal.StoryId)) continue;
            await CommitPlacedAsync(cancellationToken).ConfigureAwait(false);
            var newId = await FreeStoryIdAsync(proposal.NewStoryId, cancellationToken).ConfigureAwait(false);
            var correction = new StoryCorrection(0, StoryCorrectionKind.Split, proposal.StoryId, newId, proposal.ArticleIds, SecondLookAuthor, DateTimeOffset.UtcNow);
            _placing.Start();
            var change = await ApplyAsync(_clusterer, _analyzer, store, correction, cancellationToken).ConfigureAwait(false);
            _placing.Stop();
            var recorded = await store.ApplyCorrectionAsync(correction, change.ChangedStories, null, cancellationToken).ConfigureAwait(false);
            _stats = _stats with { Splits = _stats.Splits + 1 };
            OnCorrected?.Invoke(recorded);
        }
        _placing.Start();
        var merges = _clusterer.ProposeMerges();
        _placing.Stop();
        foreach (var merge in merges)
        {
            if (!_clusterer.IsLive(merge.FromStoryId) || !_clusterer.IsLive(merge.IntoStoryId)) continue;
            await CommitPlacedAsync(cancellationToken).ConfigureAwait(false);
            var correction = new StoryCorrection(0, StoryCorrectionKind.Merge, merge.FromStoryId, merge.IntoStoryId, [], SecondLookAuthor, DateTimeOffset.UtcNow);
            _placing.Start();
            var change = await ApplyAsync(_clusterer, _analyzer, store, correction, cancellationToken).ConfigureAwait(false);
            _placing.Stop();
            var recorded = await store.ApplyCorrectionAsync(correction, change.ChangedStories, null, cancellationToken).ConfigureAwait(false);
            OnCorrected?.Invoke(recorded);
        }
        _placing.Start();
        var moves = _clusterer.ProposeMoves();
        _placing.Stop();
        foreach (var (articleIds, from, to) in moves)
        {
            if (!_clusterer.IsLive(from) || !_clusterer.IsLive(to)) continue;
            foreach (var articleId in articleIds)
            {
                if (!string.Equals(_clusterer.LiveStoryOf(articleId), from, StringComparison.Ordinal)) continue;
                await CommitPlacedAsync(cancellationToken).ConfigureAwait(false);
                var correction = new StoryCorrection(0, StoryCorrectionKind.Move, from, to, [articleId], SecondLookAuthor, DateTimeOffset.UtcNow);
                _placing.Start();
                var change = await ApplyAsync(_clusterer, _analyzer, store, correction, cancellationToken).ConfigureAwait(false);
                _placing.Stop();
                var recorded = await store.ApplyCorrectionAsync(correction, change.ChangedStories, null, cancellationToken).ConfigureAwait(false);
                OnCorrected?.Invoke(recorded);
            }
        }
    }

    /// <summary><paramref name="wanted"/>, or it with -2, -3… when a story (live, or stored under another name's merge) has it.</summary>
    private async Task<string> FreeStoryIdAsync(string wanted, CancellationToken cancellationToken)
    {
        for (var n = 1; ; n++)
        {
            var id = n == 1 ? wanted : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{wanted}-{n}");
            if (_clusterer.IsLive(id)) continue;
            if (_store is IStoryReader reader && await reader.GetStoryAsync(id, cancellationToken).ConfigureAwait(false) is not null) continue;
            return id;
        }
    }
}
