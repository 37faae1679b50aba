using System.Runtime.CompilerServices;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Pipeline;

/// <summary>An article's title and body token layers, made once and carried with the article in memory (never stored), so annotation and placement read the same tokens.</summary>
/// <remarks>
/// The layers ride alongside the article instance rather than inside the <see cref="Article"/> record, so the stored model,
/// its JSON and its equality stay as they are. <see cref="AnnotationStage"/> attaches them to the article it returns;
/// whoever places that article asks <see cref="Of"/> and gets them back. An article read back from a store has none and is
/// tokenised when asked. Placement then reads:
/// <code>
/// var tokens = ArticleTokens.Of(article);
/// clusterer.Add(article, analyzer.Analyze(tokens.Title, article.Language), analyzer.Analyze(tokens.Body, article.Language));
/// </code>
/// </remarks>
public sealed class ArticleTokens
{
    private static readonly ConditionalWeakTable<Article, ArticleTokens> Carried = [];

    private ArticleTokens(TokenizedText title, TokenizedText body)
    {
        Title = title;
        Body = body;
    }

    /// <summary>The title's token layer.</summary>
    public TokenizedText Title { get; }

    /// <summary>The body's token layer.</summary>
    public TokenizedText Body { get; }

    /// <summary>The layers carried by <paramref name="article"/>, or made now when it has none.</summary>
    /// <remarks>Layers made here are not carried: an article replayed from a store would otherwise hold its tokens for as long as it lives.</remarks>
    public static ArticleTokens Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Carried.TryGetValue(article, out var carried) ? carried : new ArticleTokens(Tokenizer.Tokenize(article.Title), Tokenizer.Tokenize(article.Body));
    }

    /// <summary>Carries the layers of <paramref name="original"/> over to <paramref name="derived"/>, a copy made with <c>with</c>,
    /// when the copy kept its title and paragraphs (the body is joined from the paragraphs on each read, so those are compared).</summary>
    internal void CarryTo(Article original, Article derived)
    {
        if (!ReferenceEquals(derived.Title, original.Title) || !ReferenceEquals(derived.Paragraphs, original.Paragraphs)) return;
        Carried.AddOrUpdate(derived, this);
    }
}
