using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>One time expression of a story's article in <c>warta story --json</c>, with the article it is in.</summary>
public sealed record StoryDateJson(string ArticleId, int Start, int Length, string Text, string Type, string? Value)
{
    public static StoryDateJson From(string articleId, TemporalExpression time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(articleId, time.Start, time.Length, time.Text, time.Type.ToString().ToLowerInvariant(), time.Value);
    }
}
