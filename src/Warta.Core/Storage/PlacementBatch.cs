using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>What one placement commit writes: new articles with their placements, the stories they changed, merges, and optionally a checkpoint.</summary>
/// <param name="Articles">New articles, in placement order; each has an assignment in <paramref name="Assignments"/>.</param>
/// <param name="Assignments">One per article, in placement order; the change sequence numbers them in this order.</param>
/// <param name="Stories">Summaries of the stories that changed (upserted by id).</param>
/// <param name="Merges">Merges decided in this batch, in order.</param>
/// <param name="Checkpoint">The clusterer after the last placement of this batch; null keeps the stored one.</param>
public sealed record PlacementBatch(
    IReadOnlyList<Article> Articles,
    IReadOnlyList<StoryAssignment> Assignments,
    IReadOnlyList<Story> Stories,
    IReadOnlyList<StoryMerge> Merges,
    ClustererCheckpoint? Checkpoint = null)
{
    /// <summary>Outlet name–domain pairings learned since the last commit (see <see cref="Extraction.OutletDirectory"/>), kept so later runs resolve names alike.</summary>
    public IReadOnlyList<Extraction.OutletPairing> OutletPairings { get; init; } = [];

    /// <summary>Earlier revisions that articles of this batch replace (<see cref="Article.Revises"/>), in placement order: each is recorded once with an <see cref="StoreChangeKind.ArticleSuperseded"/> change after the placements, and leaves its story's article count; one not stored or not placed is skipped.</summary>
    public IReadOnlyList<ArticleSupersession> Supersessions { get; init; } = [];
}
