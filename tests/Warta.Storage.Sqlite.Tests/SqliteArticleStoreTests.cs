using Warta.Core.Storage;
using Warta.Testing;

namespace Warta.Storage.Sqlite.Tests;

public sealed class SqliteArticleStoreTests : ArticleStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override IArticleStore Open(string name) => new SqliteStore(_folder.File(name + ".db"));

    public void Dispose() => _folder.Dispose();
}
