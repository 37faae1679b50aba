namespace Warta.Core.Stories;

/// <summary>One article of a story in <c>warta story --json</c>; <see cref="CopyOf"/> names the original when it is a copy.</summary>
public sealed record StoryArticleJson(string Id, string Outlet, string? Published, string Title, string? CopyOf)
{
    public static StoryArticleJson From(StoryArticle item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var article = item.Article;
        return new(article.Id, article.Outlet, article.Published?.ToString(), article.Title, item.Assignment.CopyOfArticleId);
    }
}
