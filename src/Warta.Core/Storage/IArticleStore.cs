using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>Durable home of articles; every store (SQLite, PostgreSQL) passes the same contract tests.</summary>
public interface IArticleStore : IDisposable
{
    /// <summary>Stores the article atomically; returns false (and changes nothing) when an article with its id exists.</summary>
    bool TryAdd(Article article);

    Article? Get(string id);

    bool Contains(string id);

    /// <summary>All articles ordered by publication time (unknown last), then id.</summary>
    IReadOnlyList<Article> List();

    int Count();
}
