using Warta.Testing;
using Xunit;

namespace Warta.Storage.Postgres.Tests;

public sealed class PostgresAlertStoreTests : AlertStoreContract<PostgresStore>, IClassFixture<PostgresTestDatabase>
{
    private readonly PostgresTestDatabase _database;
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];

    public PostgresAlertStoreTests(PostgresTestDatabase database)
    {
        _database = database;
        database.SkipUnlessAvailable();
    }

    protected override PostgresStore Open(string name) => new(_database.StoreConnectionString(_scope, name));
}
