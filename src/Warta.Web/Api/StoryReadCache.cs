namespace Warta.Web.Api;

/// <summary>What the story reads made from the store at one <see cref="StoreVersion"/> (a story's JSON, a story page's data),
/// shared by the requests that follow until the store changes.</summary>
/// <remarks>Fifty readers of the same few hundred stories asked the store for the same rows, and decoded the same JSON, many times
/// between two commits; now the first request after a change reads and the others reuse what it made (entries are immutable).
/// A newer version drops every entry; the entries' weights (a story's articles, a body's kilobytes) add up to at most
/// <see cref="MaxWeight"/>, so memory stays bounded whatever is asked (a story's articles hold their annotations, a few KB each).</remarks>
internal sealed class StoryReadCache
{
    public const int MaxWeight = 20_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, object> _entries = new(StringComparer.Ordinal);
    private StoreVersion _version;
    private int _weight;

    /// <summary>The entry <paramref name="key"/> made at <paramref name="version"/>, or null.</summary>
    public T? Get<T>(StoreVersion version, string key)
        where T : class
    {
        lock (_gate)
        {
            return version == _version && _entries.TryGetValue(key, out var value) ? value as T : null;
        }
    }

    /// <summary>Keeps <paramref name="value"/> (of <paramref name="weight"/>, at least 1) as <paramref name="key"/> at
    /// <paramref name="version"/>; an older version than the cache holds is not kept, nor a value heavier than the whole cache.</summary>
    public void Set(StoreVersion version, string key, object value, int weight)
    {
        ArgumentNullException.ThrowIfNull(value);
        weight = Math.Max(1, weight);
        if (weight > MaxWeight) return;
        lock (_gate)
        {
            if (version != _version)
            {
                // A reader that started before the last change may finish after it: the cache keeps the newer version's entries.
                // (An answer is read after its version, so it is never older than its key; it may be newer, which is as good.)
                if (IsOlder(version, _version)) return;
                _entries.Clear();
                _weight = 0;
                _version = version;
            }
            if (_entries.ContainsKey(key)) return;
            if (_weight + weight > MaxWeight)
            {
                _entries.Clear();
                _weight = 0;
            }
            _entries[key] = value;
            _weight += weight;
        }
    }

    /// <summary>Whether <paramref name="a"/> was read before <paramref name="b"/>: the change sequence first (a deletion, which
    /// may lower the withdrawals' count, takes a change), then the views, then the withdrawals.</summary>
    private static bool IsOlder(StoreVersion a, StoreVersion b) =>
        a.Changes != b.Changes ? a.Changes < b.Changes : a.Views != b.Views ? a.Views < b.Views : a.Retractions < b.Retractions;
}
