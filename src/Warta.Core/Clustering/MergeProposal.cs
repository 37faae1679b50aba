namespace Warta.Core.Clustering;

/// <summary>Two recent stories the second look reads as one event: the newer joins the older, which keeps its id.</summary>
/// <param name="FromStoryId">The story merged away (the newer).</param>
/// <param name="IntoStoryId">The story it joins (the older).</param>
/// <param name="Ratio">The mean cosine between the two stories' members over the lower mean cosine within one.</param>
public sealed record MergeProposal(string FromStoryId, string IntoStoryId, double Ratio);
