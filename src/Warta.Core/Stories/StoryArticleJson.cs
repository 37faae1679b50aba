using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>One article of a story in <c>warta story --json</c>; <see cref="CopyOf"/> names the original when it is a copy,
/// <see cref="SupersededBy"/> the latest revision when its outlet has since edited the page, <see cref="Withdrawn"/> says when the outlet withdrew it.</summary>
/// <remarks>
/// <see cref="Published"/> is always a full ISO 8601 instant with the outlet's offset, as in <c>warta article --json</c>,
/// so that a client parses one format; how much of it the source gave is in <see cref="PublishedPrecision"/>.
/// </remarks>
public sealed record StoryArticleJson(string Id, string Outlet, string? Published, string? PublishedPrecision, string Title, string? CopyOf,
    string? SupersededBy, ArticleWithdrawalJson? Withdrawn)
{
    public static StoryArticleJson From(StoryArticle item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var article = item.Article;
        return new(
            article.Id,
            article.Outlet,
            article.Published is { } p ? ArticleJson.FormatInstant(p.Value) : null,
            article.Published?.Precision.ToString().ToLowerInvariant(),
            article.Title,
            item.Assignment.CopyOfArticleId,
            item.SupersededBy,
            ArticleWithdrawalJson.From(item.Withdrawal));
    }
}
