using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>An article as <c>warta articles --json</c> lists it: id, publication time and its precision, outlet, title.</summary>
public sealed record ArticleSummaryJson(string Id, string? Published, string? PublishedPrecision, string Outlet, string Title)
{
    public static ArticleSummaryJson From(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(
            article.Id,
            article.Published is { } p ? ArticleJson.FormatInstant(p.Value) : null,
            article.Published?.Precision.ToString().ToLowerInvariant(),
            article.Outlet,
            article.Title);
    }
}
