using System.Text.Json.Serialization;

namespace Warta.Core.Stories.Corrections;

/// <summary>One correction as <c>warta story --json</c> and the API write it.</summary>
/// <param name="Sequence">Change sequence number it was recorded at.</param>
/// <param name="Kind"><c>merge</c>, <c>split</c> or <c>move</c>.</param>
/// <param name="Story">The story merged away, split, or left.</param>
/// <param name="Target">The story merged into, made by the split, or joined.</param>
/// <param name="Articles">The articles split off or moved.</param>
/// <param name="By">Who made it.</param>
/// <param name="At">When, ISO 8601 with offset.</param>
public sealed record StoryCorrectionJson(
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("story")] string Story,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("articles")] IReadOnlyList<string> Articles,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("at")] DateTimeOffset At)
{
    /// <summary>The JSON shape of <paramref name="correction"/>.</summary>
    public static StoryCorrectionJson From(StoryCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var kind = correction.Kind switch
        {
            StoryCorrectionKind.Merge => "merge",
            StoryCorrectionKind.Split => "split",
            _ => "move",
        };
        return new StoryCorrectionJson(correction.Sequence, kind, correction.StoryId, correction.TargetStoryId, correction.ArticleIds, correction.By, correction.At);
    }
}
