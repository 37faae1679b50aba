using Warta.Storage.Sqlite;

namespace Warta.Web.Api;

/// <summary>A read-only store lent by <see cref="ReadStorePool"/> for one request; disposing gives it back.</summary>
internal sealed class ReadStoreLease(ReadStorePool pool, SqliteStore store) : IDisposable
{
    private SqliteStore? _store = store;

    public SqliteStore Store => _store ?? throw new ObjectDisposedException(nameof(ReadStoreLease));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _store, null) is { } returned) pool.Return(returned);
    }
}
