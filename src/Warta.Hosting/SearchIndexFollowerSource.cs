using Warta.Core.Storage;
using Warta.Search.Lucene;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>Opens the store's search index as a follower of the placer that writes the store: the Lucene index beside an
/// SQLite file (<c>&lt;db&gt;.search/</c>), PostgreSQL's own full-text search in the database of a PostgreSQL store.</summary>
public sealed class SearchIndexFollowerSource(TextAnalysisServices textAnalysis) : IChangeFollowerSource
{
    public IChangeFollower? Open(IWartaStore store, string storeLocation)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store switch
        {
            SqliteStore sqlite => new LuceneIndexFollower(SearchIndexLocation.For(sqlite.Path), store, store, textAnalysis.LoadingAnalyzer(), sqlite, sqlite),
            PostgresStore postgres => new PostgresSearchFollower(postgres, textAnalysis.LoadingAnalyzer()),
            _ => null,
        };
    }
}
