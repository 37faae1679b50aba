using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Testing;

/// <summary>An article store in a dictionary, for pipeline tests; passes the same contract as the durable stores.</summary>
public sealed class InMemoryArticleStore : IArticleStore
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

    public Article? Get(string id) => _articles.GetValueOrDefault(id);

    public bool Contains(string id) => _articles.ContainsKey(id);

    public IReadOnlyList<Article> List() =>
        [.. _articles.Values
            .OrderBy(static a => a.Published is null)
            .ThenBy(static a => a.Published?.Value.UtcTicks)
            .ThenBy(static a => a.Id, StringComparer.Ordinal)];

    public int Count() => _articles.Count;

    /// <summary>Nothing to release; the articles stay for the next "reopen".</summary>
    public void Dispose()
    {
    }
}
