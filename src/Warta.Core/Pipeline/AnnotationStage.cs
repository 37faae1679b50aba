using Warta.Core.Entities;
using Warta.Core.Extraction.Quantities;
using Warta.Core.Extraction.Quotes;
using Warta.Core.Extraction.Temporal;
using Warta.Core.Model;

namespace Warta.Core.Pipeline;

/// <summary>Finds entities (tagged, then linked), temporal expressions, quotes and quantities in an article body during ingestion.</summary>
/// <remarks>Temporal expressions need the publication time as reference; an undated article gets none rather than guesses.
/// The body is tokenised once (<see cref="ArticleTokens"/>); every annotator reads that layer, and the annotated article
/// carries it on to placement.</remarks>
public sealed class AnnotationStage(EntityTagger tagger) : IArticleStage
{
    public string Name => "annotate";

    public Article Process(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var tokens = ArticleTokens.Of(article);
        var body = tokens.Body;
        var entities = EntityLinker.Link(tagger.Tag(body));
        var times = article.Published is { } published ? TemporalTagger.Tag(body, published) : [];
        var quotes = new QuoteExtractor(speaker => SpeakerEntity(entities, speaker)).Extract(body);
        var quantities = QuantityExtractor.Extract(body, article.Language);
        var annotated = article with { Annotations = new ArticleAnnotations(entities, times, quotes) { Quantities = quantities } };
        // The layers ride on to placement, waiting in the reorder window with thousands of others; the annotators' strings
        // would make them six times larger (20,000 new pages: see the README's limits figures).
        tokens.Title.ReleaseStrings();
        body.ReleaseStrings();
        tokens.CarryTo(article, annotated);
        return annotated;
    }

    /// <summary>The person entity a quote's speaker names: same canonical name, or a mention with the same surface.</summary>
    private static string? SpeakerEntity(IReadOnlyList<EntityMention> entities, string speaker)
    {
        foreach (var mention in entities)
        {
            if (mention.Type != EntityType.Person) continue;
            if (string.Equals(mention.CanonicalName, speaker, StringComparison.OrdinalIgnoreCase)
                || string.Equals(mention.Text, speaker, StringComparison.OrdinalIgnoreCase))
            {
                return mention.EntityId;
            }
        }
        return null;
    }
}
