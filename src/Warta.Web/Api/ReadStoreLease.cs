using Warta.Core.Storage;

namespace Warta.Web.Api;

/// <summary>A read-only store lent by <see cref="ReadStorePool"/> for one request; disposing gives it back.</summary>
internal sealed class ReadStoreLease(ReadStorePool pool, IWartaStore store) : IDisposable
{
    private IWartaStore? _store = store;

    public IWartaStore Store => _store ?? throw new ObjectDisposedException(nameof(ReadStoreLease));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _store, null) is { } returned) pool.Return(returned);
    }
}
