using System.Text.Json.Serialization;
using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>One time expression of a story's article in <c>warta story --json</c>, with the article it is in.</summary>
/// <remarks><c>UtcOffset</c> is the zone a clock time names (<c>WIB</c> gives <c>+07:00</c>); absent when none is named.</remarks>
public sealed record StoryDateJson(string ArticleId, int Start, int Length, string Text, string Type, string? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UtcOffset = null)
{
    public static StoryDateJson From(string articleId, TemporalExpression time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(articleId, time.Start, time.Length, time.Text, time.Type.ToString().ToLowerInvariant(), time.Value, time.UtcOffset);
    }
}
