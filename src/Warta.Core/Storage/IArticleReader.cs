using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>The read side of stored articles, for queries (CLI, API, search catch-up); never writes.</summary>
public interface IArticleReader
{
    Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The stored articles among <paramref name="ids"/>, in one round trip; ids not stored are left out, order unspecified.</summary>
    Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored articles among <paramref name="ids"/> as a story lists them: everything but the text, so
    /// <see cref="Article.Paragraphs"/> and <see cref="Article.Provenance"/> are empty; ids not stored are left out, order unspecified.
    /// </summary>
    /// <remarks>For reads that show titles, times and annotations only (a story's page and JSON): a store that keeps the text
    /// apart skips reading and decoding it. This default reads whole articles.</remarks>
    Task<IReadOnlyList<Article>> GetArticleHeadsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        GetArticlesAsync(ids, cancellationToken);

    /// <summary>Ids that start with <paramref name="prefix"/> (ordinal), at most <paramref name="limit"/>, sorted.</summary>
    Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default);

    /// <summary>Articles ordered by publication time (undated last), then id.</summary>
    Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default);

    Task<int> CountArticlesAsync(CancellationToken cancellationToken = default);
}
