using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Testing;

namespace Warta.Storage.Sqlite.Tests;

public sealed class SqliteReaderTests : ReaderContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<SqliteStore> _stores = [];

    protected override (IArticleReader Articles, IStoryReader Stories) Open(IReadOnlyList<Article> articles, params StoryBatch[] batches)
    {
        var store = new SqliteStore(_folder.File(Guid.NewGuid().ToString("N") + ".db"));
        _stores.Add(store);
        store.TryAddRange(articles);
        foreach (var batch in batches) store.CommitAsync(new PlacementBatch([], batch.Assignments, batch.Stories, batch.Merges)).GetAwaiter().GetResult();
        return (store, store);
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        _folder.Dispose();
    }
}
