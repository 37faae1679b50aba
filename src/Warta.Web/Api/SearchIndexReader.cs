using Warta.Core.Search;
using Warta.Core.Storage;
using Warta.Hosting;
using Warta.Search.Lucene;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;

namespace Warta.Web.Api;

/// <summary>The store's search index (<c>&lt;db&gt;.search/</c>) for the API and the pages, opened once per process and shared by every request; its searcher picks up the writer's commits by itself.</summary>
/// <remarks>Story headlines and snippets' article texts come from the store through <see cref="PooledStoreReader"/>, so the index holds no request's store.</remarks>
internal sealed class SearchIndexReader(TextAnalysisServices textAnalysis, ReadStorePool stores) : IDisposable
{
    private readonly Lock _lock = new();
    private LuceneSearchIndex? _index;

    /// <summary>The index of <paramref name="store"/>, shared (do not dispose it); null while there is none yet. A PostgreSQL
    /// store's index is its own tables, read through <paramref name="store"/> (so use it while the store is rented).</summary>
    public ISearchIndex? TryOpen(IWartaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store is PostgresStore postgres) return PostgresSearchIndex.TryOpen(postgres, textAnalysis.Analyzer);
        if (store is not SqliteStore sqlite) return null;
        lock (_lock)
        {
            if (_index is not null) return _index;
            var reader = new PooledStoreReader(stores);
            return _index = LuceneSearchIndex.TryOpen(SearchIndexLocation.For(sqlite.Path), textAnalysis.Analyzer, reader, reader);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _index?.Dispose();
            _index = null;
        }
    }
}
