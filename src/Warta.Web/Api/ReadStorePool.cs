using System.Collections.Concurrent;
using Warta.Core.Storage;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary>Read-only connections to the store, opened once and lent to one request at a time, instead of one opened (and its file inspected) per request.</summary>
/// <remarks>A connection holds no transaction between requests, so each read sees the writer's latest commit (WAL).
/// At most <see cref="MaxIdle"/> idle connections are kept; a burst beyond that opens more and closes them after use.</remarks>
internal sealed class ReadStorePool(StoreOpener opener) : IDisposable
{
    public const int MaxIdle = 32;

    private readonly ConcurrentBag<IWartaStore> _idle = [];
    private int _idleCount;
    private bool _disposed;

    /// <summary>A read-only store for this request; dispose the lease to give it back.</summary>
    /// <exception cref="StoreUnavailableException">The store is missing or cannot be read.</exception>
    public ReadStoreLease Rent()
    {
        if (_idle.TryTake(out var store))
        {
            Interlocked.Decrement(ref _idleCount);
            return new ReadStoreLease(this, store);
        }
        return new ReadStoreLease(this, opener.OpenForReading());
    }

    internal void Return(IWartaStore store)
    {
        if (Volatile.Read(ref _disposed) || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            if (!Volatile.Read(ref _disposed)) Interlocked.Decrement(ref _idleCount);
            store.Dispose();
            return;
        }
        _idle.Add(store);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var store)) store.Dispose();
    }
}
