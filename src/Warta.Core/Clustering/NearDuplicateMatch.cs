namespace Warta.Core.Clustering;

/// <summary>An earlier article that a new one copies or lightly rewrites.</summary>
/// <param name="OriginalArticleId">The earliest indexed article within the distance.</param>
/// <param name="Distance">Hamming distance between the two 64-bit SimHashes.</param>
public readonly record struct NearDuplicateMatch(string OriginalArticleId, int Distance);
