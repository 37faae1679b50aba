using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>Articles stored without placement (tests and the ingest benchmark); placed articles are written through <see cref="IPlacementStore"/>, and every store passes the same contract tests.</summary>
public interface IArticleStore : IDisposable
{
    /// <summary>Stores the article atomically; returns false (and changes nothing) when an article with its id exists.</summary>
    bool TryAdd(Article article);

    /// <summary>Stores several articles; one result per article, in order, as <see cref="TryAdd"/> would give.</summary>
    /// <remarks>
    /// Stores that can should override this to write the batch in one transaction (all or nothing); the default adds
    /// one by one. An id repeated inside the batch is stored once; its later copies report false.
    /// </remarks>
    IReadOnlyList<bool> TryAddRange(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return [.. articles.Select(TryAdd)];
    }

    Article? Get(string id);

    bool Contains(string id);

    /// <summary>All articles ordered by publication time (unknown last), then id.</summary>
    IReadOnlyList<Article> List();

    int Count();
}
