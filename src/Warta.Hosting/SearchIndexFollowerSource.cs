using Warta.Core.Storage;
using Warta.Search.Lucene;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>Opens the Lucene search index beside the store (<c>&lt;db&gt;.search/</c>) as a follower of the placer that writes the store.</summary>
public sealed class SearchIndexFollowerSource(TextAnalysisServices textAnalysis) : IChangeFollowerSource
{
    public IChangeFollower Open(SqliteStore store, string storeLocation)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new LuceneIndexFollower(SearchIndexLocation.For(store.Path), store, store, textAnalysis.LoadingAnalyzer());
    }
}
