using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>One quote of a story's article in <c>warta story --json</c>, with the article it is in.</summary>
public sealed record StoryQuoteJson(
    string ArticleId, int Start, int Length, string Text, string? Speaker, string? SpeakerEntityId, string? SpeakerRole, string Kind, string Cue)
{
    public static StoryQuoteJson From(string articleId, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new(articleId, quote.Start, quote.Length, quote.Text, quote.Speaker, quote.SpeakerEntityId, quote.SpeakerRole,
            quote.Kind.ToString().ToLowerInvariant(), quote.Cue);
    }
}
