using Warta.Core.Storage;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Postgres.Tests;

public sealed class PostgresArticleStoreTests : ArticleStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly PostgresTestDatabase _database;
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];

    public PostgresArticleStoreTests(PostgresTestDatabase database)
    {
        _database = database;
        database.SkipUnlessAvailable();
    }

    protected override IArticleStore Open(string name) => new PostgresStore(_database.StoreConnectionString(_scope, name));
}
