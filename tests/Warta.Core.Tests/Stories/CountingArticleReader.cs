using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Testing;

namespace Warta.Core.Tests.Stories;

/// <summary>An article reader over an in-memory store that counts the article ids read through <see cref="IArticleReader"/>.</summary>
internal sealed class CountingArticleReader(InMemoryArticleStore inner) : IArticleReader
{
    public int IdsRead { get; private set; }

    public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        IdsRead++;
        return inner.GetArticleAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        IdsRead += ids.Count;
        return inner.GetArticlesAsync(ids, cancellationToken);
    }

    public Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        inner.FindArticleIdsAsync(prefix, limit, cancellationToken);

    public Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        IdsRead += page.Limit;
        return inner.ListArticlesAsync(page, cancellationToken);
    }

    public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) => inner.CountArticlesAsync(cancellationToken);
}
