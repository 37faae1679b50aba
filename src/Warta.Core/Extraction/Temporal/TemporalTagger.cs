using Warta.Core.Model;

namespace Warta.Core.Extraction.Temporal;

/// <summary>Finds Indonesian temporal expressions in a text and normalises them to TimeML values against a reference time (the publication time).</summary>
public static class TemporalTagger
{
    /// <summary>Expressions in text order; spans never overlap and always lie inside <paramref name="text"/>.</summary>
    public static IReadOnlyList<TemporalExpression> Tag(string text, DateTimeOffset reference)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TemporalGrammar(text, reference).Run();
    }

    /// <summary>Tags against an article's publication time.</summary>
    public static IReadOnlyList<TemporalExpression> Tag(string text, PublicationTime published) => Tag(text, published.Value);
}
