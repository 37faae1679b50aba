using Warta.Core.Storage;
using Warta.Hosting;
using Warta.Search.Lucene;
using Warta.Storage.Sqlite;

namespace Warta.Web.Api;

/// <summary>Opens the store's search index (<c>&lt;db&gt;.search/</c>) for one request, read-only, as <c>warta search</c> does.</summary>
internal sealed class SearchIndexReader(TextAnalysisServices textAnalysis)
{
    /// <summary>The index beside <paramref name="store"/>, its story headlines from it; null when there is none yet (or the store is not an SQLite file, which has none).</summary>
    public LuceneSearchIndex? TryOpen(IWartaStore store) =>
        store is SqliteStore sqlite ? LuceneSearchIndex.TryOpen(SearchIndexLocation.For(sqlite.Path), textAnalysis.Analyzer, store) : null;
}
