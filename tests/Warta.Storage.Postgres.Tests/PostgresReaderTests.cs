using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Postgres.Tests;

public sealed class PostgresReaderTests : ReaderContract, IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly PostgresTestDatabase _database;
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private readonly List<PostgresStore> _stores = [];

    public PostgresReaderTests(PostgresTestDatabase database)
    {
        _database = database;
        database.SkipUnlessAvailable();
    }

    protected override (IArticleReader Articles, IStoryReader Stories) Open(IReadOnlyList<Article> articles, params StoryBatch[] batches)
    {
        var store = new PostgresStore(_database.StoreConnectionString(_scope, Guid.NewGuid().ToString("N")));
        _stores.Add(store);
        store.TryAddRange(articles);
        foreach (var batch in batches) store.CommitAsync(new PlacementBatch([], batch.Assignments, batch.Stories, batch.Merges)).GetAwaiter().GetResult();
        return (store, store);
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
    }
}
