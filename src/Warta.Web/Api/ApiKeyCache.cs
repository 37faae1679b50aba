using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Warta.Core.Storage;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary>Key lookups by hash, each reused for <see cref="ApiOptions.KeyCacheSeconds"/>: one store read per key and period instead of one per request.</summary>
/// <remarks>Unknown keys are cached too (as null), so a client retrying a wrong key does not cost a store read per
/// request; the cache is bounded so random keys cannot grow it without limit.</remarks>
internal sealed class ApiKeyCache(ReadStorePool stores, IOptions<ApiOptions> options, TimeProvider time)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKey? Key, long ExpiresMs)> _entries = new(StringComparer.Ordinal);

    /// <summary>The stored key with the hash of <paramref name="key"/>, revoked or not; null when the store has none.</summary>
    public async Task<ApiKey?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(key);
        var now = time.GetTimestamp() * 1000 / time.TimestampFrequency;
        if (_entries.TryGetValue(hash, out var entry) && entry.ExpiresMs > now) return entry.Key;
        ApiKey? found;
        using (var lease = stores.Rent())
        {
            found = await lease.Store.FindApiKeyAsync(hash, cancellationToken).ConfigureAwait(false);
        }
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[hash] = (found, now + (long)(options.Value.KeyCacheSeconds * 1000));
        return found;
    }
}
