using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Stories.Corrections;

/// <summary>The store side of corrections and deletion: what the one writer reads to make them and writes, each in one transaction with the clusterer checkpoint.</summary>
/// <remarks>Only the holder of the write lock may call the writing methods (the placer does).</remarks>
public interface IStoryCorrectionStore
{
    /// <summary>The placed articles among <paramref name="ids"/>, each with its assignment as stored now.</summary>
    Task<IReadOnlyList<PlacedArticle>> GetPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Records the correction and applies it in one transaction: assignments, merge record, story summaries (those given, the others made again from their articles), change sequence and the checkpoint.</summary>
    /// <param name="correction">The correction (its sequence is ignored).</param>
    /// <param name="stories">Summaries the clusterer holds of live stories it changed: written as given.</param>
    /// <param name="checkpoint">The clusterer after the correction; null keeps the stored one.</param>
    /// <param name="cancellationToken">Stops before writing.</param>
    /// <returns>The correction as recorded, with its sequence number.</returns>
    Task<StoryCorrection> ApplyCorrectionAsync(
        StoryCorrection correction, IReadOnlyList<Story> stories, ClustererCheckpoint? checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Deletes the article as <see cref="IPlacementStore.DeleteArticleAsync"/> does, writing <paramref name="stories"/> as given and the checkpoint in the same transaction.</summary>
    Task<StoreChange?> DeleteArticleAsync(
        string id, IReadOnlyList<Story> stories, ClustererCheckpoint? checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Corrections numbered after <paramref name="sequence"/>, in order (a replay applies them where they happened).</summary>
    Task<IReadOnlyList<StoryCorrection>> ListCorrectionsSinceAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>The corrections that name <paramref name="storyId"/> (as either story), in order.</summary>
    Task<IReadOnlyList<StoryCorrection>> ListCorrectionsAsync(string storyId, CancellationToken cancellationToken = default);

    /// <summary>Clusterer merges numbered after <paramref name="sequence"/> whose deciding article is no longer placed (deleted), in order.</summary>
    Task<IReadOnlyList<SequencedMerge>> ListOrphanMergesSinceAsync(long sequence, CancellationToken cancellationToken = default);
}
