namespace Warta.Core.Clustering;

/// <summary>A story the second look reads as two events: the articles of the newer one leave it for a new story.</summary>
/// <param name="StoryId">The story split; it keeps the older event.</param>
/// <param name="NewStoryId">The new story's id: <c>s-</c> and the earliest leaving original's id.</param>
/// <param name="ArticleIds">The articles that leave (originals and their copies), in ordinal order.</param>
/// <param name="Headline">The new story's headline: the earliest leaving original's title.</param>
/// <param name="Ratio">The mean cosine between the two sides over the lower mean cosine within one.</param>
public sealed record SplitProposal(string StoryId, string NewStoryId, IReadOnlyList<string> ArticleIds, string Headline, double Ratio);
