using Warta.Core.Extraction.Quantities;

namespace Warta.Core.Model;

/// <summary>What extraction found inside an article body: entities, temporal expressions, quotes and quantities.</summary>
public sealed record ArticleAnnotations(
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<TemporalExpression> Times,
    IReadOnlyList<Quote> Quotes)
{
    public static ArticleAnnotations Empty { get; } = new([], [], []);

    /// <summary>Numbers with what they count (<c>sekitar 3.000 warga</c>); empty for an article stored before quantities were annotated.</summary>
    public IReadOnlyList<Quantity> Quantities { get; init; } = [];
}
