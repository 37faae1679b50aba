namespace Warta.Core.Stories;

/// <summary>One story as <c>warta story --json</c> prints it: summary, articles, entities, dates mentioned, quotes, and its stored view (brief, timeline, disagreements, what's new).</summary>
public sealed record StoryJson(
    StorySummaryJson Story,
    IReadOnlyList<StoryArticleJson> Articles,
    IReadOnlyList<StoryEntityJson> Entities,
    IReadOnlyList<StoryDateJson> Dates,
    IReadOnlyList<StoryQuoteJson> Quotes)
{
    /// <summary>The brief's sentences with the articles citing them; empty when the story has no stored view.</summary>
    public IReadOnlyList<BriefSentence> Brief { get; init; } = [];

    /// <summary>Events in time order with the articles telling them.</summary>
    public IReadOnlyList<TimelineEvent> Timeline { get; init; } = [];

    /// <summary>Quantities stated differently across articles (disagreements and corrections).</summary>
    public IReadOnlyList<QuantityDisagreement> Disagreements { get; init; } = [];

    /// <summary>What's new since the time or article asked for (<c>--since</c>); null when not asked.</summary>
    public IReadOnlyList<StoryTelling>? New { get; init; }

    /// <summary>Editors' corrections that named this story (merges, splits, moves), in order; empty when none.</summary>
    public IReadOnlyList<Corrections.StoryCorrectionJson> Corrections { get; init; } = [];

    /// <summary>The story with its stored view; <paramref name="newSince"/> when what's new was asked for.</summary>
    public static StoryJson From(StoryDetail detail, StoryView? view, IReadOnlyList<StoryTelling>? newSince) =>
        From(detail) with
        {
            Brief = view?.Brief ?? [],
            Timeline = view?.Timeline ?? [],
            Disagreements = view?.Disagreements ?? [],
            New = newSince,
        };

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
