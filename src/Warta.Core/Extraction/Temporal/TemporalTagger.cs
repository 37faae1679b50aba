using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Extraction.Temporal;

/// <summary>Finds Indonesian temporal expressions in a text and normalises them to TimeML values against a reference time (the publication time).</summary>
public static class TemporalTagger
{
    /// <summary>Expressions in text order; spans never overlap and always lie inside the text.</summary>
    /// <param name="tokens">The text's token layer, shared with the other annotators.</param>
    /// <param name="reference">The time relative expressions (<c>kemarin</c>, <c>Jumat lalu</c>) are resolved against.</param>
    public static IReadOnlyList<TemporalExpression> Tag(TokenizedText tokens, DateTimeOffset reference)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new TemporalGrammar(tokens, reference).Run();
    }

    /// <summary>Tags against an article's publication time.</summary>
    public static IReadOnlyList<TemporalExpression> Tag(TokenizedText tokens, PublicationTime published) => Tag(tokens, published.Value);
}
