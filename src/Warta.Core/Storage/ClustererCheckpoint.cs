namespace Warta.Core.Storage;

/// <summary>A clusterer snapshot together with the placements it reflects; stored in the same transaction as the last of them.</summary>
/// <param name="FormatVersion">The <see cref="Clustering.StoryClusterer.SnapshotFormatVersion"/> it was written with.</param>
/// <param name="OptionsFingerprint">The <see cref="Clustering.StoryClusterer.OptionsFingerprint"/> of the options it was made under.</param>
/// <param name="ArticleCount">How many stored articles had a story when it was taken: every one of them went through the clusterer.</param>
/// <param name="LastArticleId">The last article placed before it was taken.</param>
/// <param name="Snapshot">The bytes of <see cref="Clustering.StoryClusterer.CreateSnapshot"/>.</param>
/// <param name="ChangeSequence">The change sequence number it reflects: every placement numbered up to it went through the clusterer, none after.</param>
public sealed record ClustererCheckpoint(
    int FormatVersion, string OptionsFingerprint, int ArticleCount, string LastArticleId, ReadOnlyMemory<byte> Snapshot, long ChangeSequence = 0);
