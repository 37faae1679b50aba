using Warta.Core.Storage;
using Warta.Search.Lucene;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>Opens the Lucene search index beside the store (<c>&lt;db&gt;.search/</c>) as a follower of the placer that writes the store.</summary>
/// <remarks>A PostgreSQL store has no file to put the index beside: it gets no search index (search is not supported there yet).</remarks>
public sealed class SearchIndexFollowerSource(TextAnalysisServices textAnalysis) : IChangeFollowerSource
{
    public IChangeFollower? Open(IWartaStore store, string storeLocation)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store is SqliteStore sqlite ? new LuceneIndexFollower(SearchIndexLocation.For(sqlite.Path), store, store, textAnalysis.LoadingAnalyzer()) : null;
    }
}
