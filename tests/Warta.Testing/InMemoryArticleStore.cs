using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Testing;

/// <summary>An article store in a dictionary, for pipeline and query tests; passes the same contracts as the durable stores.</summary>
public sealed class InMemoryArticleStore : IArticleStore, IArticleReader
{
    private readonly Dictionary<string, Article> _articles = new(StringComparer.Ordinal);

    /// <summary>Number of batches written, to check that a document is stored in one step.</summary>
    public int Batches { get; private set; }

    public bool TryAdd(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _articles.TryAdd(article.Id, article);
    }

    public IReadOnlyList<bool> TryAddRange(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        Batches++;
        return [.. articles.Select(TryAdd)];
    }

    /// <summary>Number of single-article reads through <see cref="IArticleReader"/>, to check that queries read in batches.</summary>
    public int SingleReads { get; private set; }

    /// <summary>Number of batch reads (<see cref="GetArticlesAsync"/>).</summary>
    public int BatchReads { get; private set; }

    public Article? Get(string id) => _articles.GetValueOrDefault(id);

    public bool Contains(string id) => _articles.ContainsKey(id);

    public IReadOnlyList<Article> List() =>
        [.. _articles.Values
            .OrderBy(static a => a.Published is null)
            .ThenBy(static a => a.Published?.Value.UtcTicks)
            .ThenBy(static a => a.Id, StringComparer.Ordinal)];

    public int Count() => _articles.Count;

    /// <summary>Removes the article; false when it is not stored.</summary>
    public bool Remove(string id) => _articles.Remove(id);

    public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        SingleReads++;
        return Task.FromResult(Get(id));
    }

    public Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        BatchReads++;
        IReadOnlyList<Article> found = [.. ids.Distinct(StringComparer.Ordinal).Select(Get).OfType<Article>()];
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        IReadOnlyList<string> ids = [.. _articles.Keys.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(limit)];
        return Task.FromResult(ids);
    }

    public Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegative(page.Limit, nameof(page));
        return Task.FromResult(new Page<Article>([.. List().Skip(page.Offset).Take(page.Limit)], _articles.Count));
    }

    public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) => Task.FromResult(_articles.Count);

    /// <summary>Nothing to release; the articles stay for the next "reopen".</summary>
    public void Dispose()
    {
    }
}
