using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Search.Lucene.Tests;

/// <summary>A change sequence and its articles written by the test, so the follower can be shown each kind of change.</summary>
internal sealed class ScriptedChangeLog : IChangeLog, IArticleReader
{
    private readonly List<StoreChange> _changes = [];
    private readonly Dictionary<string, Article> _articles = new(StringComparer.Ordinal);

    public void Place(Article article, string story)
    {
        _articles[article.Id] = article;
        Append(StoreChangeKind.ArticleAdded, article.Id, null, null);
        Append(StoreChangeKind.ArticlePlaced, article.Id, story, null);
    }

    /// <summary>Places articles in one commit as the store writes it: every addition first, then every placement.</summary>
    public void PlaceAll(IReadOnlyList<(Article Article, string Story)> placed)
    {
        foreach (var (article, _) in placed)
        {
            _articles[article.Id] = article;
            Append(StoreChangeKind.ArticleAdded, article.Id, null, null);
        }
        foreach (var (article, story) in placed) Append(StoreChangeKind.ArticlePlaced, article.Id, story, null);
    }

    /// <summary>Stores an article again without a new placement (it keeps the one it has).</summary>
    public void AddAgain(Article article)
    {
        _articles[article.Id] = article;
        Append(StoreChangeKind.ArticleAdded, article.Id, null, null);
    }

    public void Merge(string from, string into, string articleId) => Append(StoreChangeKind.StoriesMerged, articleId, into, from);

    public void Delete(string articleId, string story)
    {
        _articles.Remove(articleId);
        Append(StoreChangeKind.ArticleDeleted, articleId, story, null);
    }

    /// <summary>Called with the position of every read of the changes, before it is answered.</summary>
    public Action<long>? Reading { get; set; }

    public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default)
    {
        Reading?.Invoke(sequence);
        return Task.FromResult<IReadOnlyList<StoreChange>>([.. _changes.Where(c => c.Sequence > sequence).Take(limit)]);
    }

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)_changes.Count);

    public Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Article>>([.. ids.Where(_articles.ContainsKey).Select(id => _articles[id])]);

    public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(_articles.GetValueOrDefault(id));

    public Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) => Task.FromResult(_articles.Count);

    private void Append(StoreChangeKind kind, string articleId, string? story, string? from) =>
        _changes.Add(new StoreChange(_changes.Count + 1, kind, articleId, story, from));
}
