namespace Warta.Core.Clustering;

/// <summary>A 64-bit SimHash of a text's stem shingles, with how many shingles went into it.</summary>
/// <param name="Hash">The SimHash (Charikar 2002): bit i is the sign of the summed bit i over all shingle hashes.</param>
/// <param name="Shingles">Number of shingles hashed; short texts get only exact matching.</param>
public readonly record struct TextFingerprint(ulong Hash, int Shingles);
