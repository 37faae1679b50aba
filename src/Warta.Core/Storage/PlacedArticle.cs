using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>A stored article with the change sequence number of its placement, as recovery re-runs it.</summary>
/// <param name="Sequence">The change sequence number of its placement.</param>
/// <param name="Article">The article.</param>
/// <param name="Assignment">Where it was placed (the story it was placed in then, before any editor moved it), when the store says; null lets the clusterer decide again.</param>
/// <param name="Merges">The merges its arrival decided, in order (with <paramref name="Assignment"/>).</param>
public sealed record PlacedArticle(long Sequence, Article Article, StoryAssignment? Assignment = null, IReadOnlyList<StoryMerge>? Merges = null);
