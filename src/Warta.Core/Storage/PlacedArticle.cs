using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>A stored article with the change sequence number of its placement, as recovery re-runs it.</summary>
public sealed record PlacedArticle(long Sequence, Article Article);
