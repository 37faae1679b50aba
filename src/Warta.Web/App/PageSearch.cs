using Warta.Core.Search;
using Warta.Core.Storage;
using Warta.Hosting;
using Warta.Search.Lucene;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;

namespace Warta.Web.App;

/// <summary>The search index the pages read, opened once beside the store and kept for the process (it follows the writer's commits by itself).</summary>
/// <remarks>No store reader is given to the index: a request's store is closed when the request ends, and the pages look up
/// story headlines themselves.</remarks>
internal sealed class PageSearch(TextAnalysisServices textAnalysis) : IDisposable
{
    private readonly Lock _lock = new();
    private LuceneSearchIndex? _index;

    /// <summary>The index of <paramref name="store"/> (beside an SQLite file, or in a PostgreSQL store's database); null while there is none (the placer builds a missing one when it starts).</summary>
    public ISearchIndex? For(IWartaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        // A PostgreSQL store's index is its own tables, read through the request's store.
        if (store is PostgresStore postgres) return PostgresSearchIndex.TryOpen(postgres, textAnalysis.Analyzer);
        if (store is not SqliteStore sqlite) return null;
        lock (_lock)
        {
            return _index ??= LuceneSearchIndex.TryOpen(SearchIndexLocation.For(sqlite.Path), textAnalysis.Analyzer);
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
