namespace Warta.Core.Model;

/// <summary>What extraction found inside an article body: entities, temporal expressions and quotes.</summary>
public sealed record ArticleAnnotations(
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<TemporalExpression> Times,
    IReadOnlyList<Quote> Quotes)
{
    public static ArticleAnnotations Empty { get; } = new([], [], []);
}
