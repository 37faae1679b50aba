namespace Warta.Core.Stories;

/// <summary>One story as <c>warta story --json</c> prints it: summary, articles, entities, dates mentioned, quotes.</summary>
public sealed record StoryJson(
    StorySummaryJson Story,
    IReadOnlyList<StoryArticleJson> Articles,
    IReadOnlyList<StoryEntityJson> Entities,
    IReadOnlyList<StoryDateJson> Dates,
    IReadOnlyList<StoryQuoteJson> Quotes)
{
    public static StoryJson From(StoryDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new(
            StorySummaryJson.From(detail.Story),
            [.. detail.Articles.Select(StoryArticleJson.From)],
            [.. detail.Entities.Select(StoryEntityJson.From)],
            [.. detail.Articles.SelectMany(static a => a.Article.Annotations.Times.Select(t => StoryDateJson.From(a.Article.Id, t)))],
            [.. detail.Articles.SelectMany(static a => a.Article.Annotations.Quotes.Select(q => StoryQuoteJson.From(a.Article.Id, q)))]);
    }
}
