using Warta.Testing;

namespace Warta.Storage.Sqlite.Tests;

public sealed class SqliteAlertStoreTests : AlertStoreContract<SqliteStore>, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override SqliteStore Open(string name) => new(_folder.File(name + ".db"));

    public void Dispose() => _folder.Dispose();
}
