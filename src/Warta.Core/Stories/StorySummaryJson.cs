using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>A story as <c>warta stories --json</c> lists it; times in ISO 8601 with the outlet's offset.</summary>
public sealed record StorySummaryJson(string Id, string Headline, int ArticleCount, IReadOnlyList<string> Outlets, string? FirstPublished, string? LastPublished)
{
    public static StorySummaryJson From(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new(story.Id, story.Headline, story.ArticleCount, story.Outlets, Instant(story.FirstPublished), Instant(story.LastPublished));
    }

    private static string? Instant(DateTimeOffset? value) => value is { } v ? ArticleJson.FormatInstant(v) : null;
}
