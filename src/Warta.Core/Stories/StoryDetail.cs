using Warta.Core.Entities;
using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>One story as a reader sees it: its summary, its articles (those of stories merged into it included) and its entities.</summary>
/// <param name="Story">The stored summary.</param>
/// <param name="Articles">Articles in publication order (undated last), then id; copies marked by their assignment. Read without
/// their text (<see cref="Storage.IArticleReader.GetArticleHeadsAsync"/>: paragraphs and provenance empty), which no view of a story shows.</param>
/// <param name="Entities">Entities linked across the story's articles, most mentioned first.</param>
public sealed record StoryDetail(Story Story, IReadOnlyList<StoryArticle> Articles, IReadOnlyList<StoryEntity> Entities)
{
    /// <summary>The story's stored view, when the queries were given the views (<see cref="StoryQueries"/>) and it has one.</summary>
    public StoryView? View { get; init; }
}
