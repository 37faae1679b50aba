namespace Warta.Web.Api;

/// <summary>What the story reads made from the store at one <see cref="StoreVersion"/> (a story's JSON, a story page's data),
/// shared by the requests that follow until the store changes.</summary>
/// <remarks>Fifty readers of the same few hundred stories asked the store for the same rows, and decoded the same JSON, many times
/// between two commits; now the first request after a change reads and the others reuse what it made (entries are immutable).
/// A newer version drops every entry; at most <see cref="MaxEntries"/> are kept, so memory stays bounded whatever is asked.</remarks>
internal sealed class StoryReadCache
{
    public const int MaxEntries = 2048;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, object> _entries = new(StringComparer.Ordinal);
    private StoreVersion _version;

    /// <summary>The entry <paramref name="key"/> made at <paramref name="version"/>, or null.</summary>
    public T? Get<T>(StoreVersion version, string key)
        where T : class
    {
        lock (_gate)
        {
            return version == _version && _entries.TryGetValue(key, out var value) ? value as T : null;
        }
    }

    /// <summary>Keeps <paramref name="value"/> as <paramref name="key"/> at <paramref name="version"/>; an older version than the cache holds is not kept.</summary>
    public void Set(StoreVersion version, string key, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (version != _version)
            {
                // A reader that started before the last change may finish after it: the cache keeps the newer version's entries.
                // (An answer is read after its version, so it is never older than its key; it may be newer, which is as good.)
                if (IsOlder(version, _version)) return;
                _entries.Clear();
                _version = version;
            }
            if (_entries.Count >= MaxEntries && !_entries.ContainsKey(key)) _entries.Clear();
            _entries[key] = value;
        }
    }

    /// <summary>Whether <paramref name="a"/> was read before <paramref name="b"/>: the change sequence first (a deletion, which
    /// may lower the withdrawals' count, takes a change), then the views, then the withdrawals.</summary>
    private static bool IsOlder(StoreVersion a, StoreVersion b) =>
        a.Changes != b.Changes ? a.Changes < b.Changes : a.Views != b.Views ? a.Views < b.Views : a.Retractions < b.Retractions;
}
