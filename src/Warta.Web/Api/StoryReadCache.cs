namespace Warta.Web.Api;

/// <summary>What the story reads made from the store (a story's JSON, a story page's data), each entry at its story's own
/// <see cref="StoreVersion"/>, shared by the requests that follow until a change touches that story.</summary>
/// <remarks>Fifty readers of the same few hundred stories asked the store for the same rows, and decoded the same JSON, many times
/// between two commits; now the first request after a change to the story reads and the others reuse what it made (entries are
/// immutable). Keyed by the store-wide version, every commit dropped every entry, so under 50 POSTs a second every read missed;
/// keyed by the story's version (<see cref="StoreVersion.ReadForStoryAsync"/>), a story the writes do not touch stays cached.
/// The entries' weights (a story's articles, a body's kilobytes) add up to at most <see cref="MaxWeight"/>, so memory stays
/// bounded whatever is asked: past it, the entries least recently used go first.</remarks>
internal sealed class StoryReadCache
{
    /// <summary>The bound on the entries' weights: a page's entry weighs its articles (their heads, a few KB each), an answer its
    /// kilobytes / 4. The 200 most active stories of a 100,000-article store hold 20,606 articles; the readers of the load run
    /// cycle through them, the worst case of an LRU cache (at 20,000 every big story's page missed): room for them twice and more.</summary>
    public const int MaxWeight = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, StoreVersion Version), Task<object?>> _making = [];
    private readonly LinkedList<Entry> _recent = new();
    private int _weight;

    /// <summary>The entry <paramref name="key"/> made at <paramref name="version"/>, or null.</summary>
    public T? Get<T>(StoreVersion version, string key)
        where T : class
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node) || node.Value.Version != version) return null;
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Value as T;
        }
    }

    /// <summary>The entry <paramref name="key"/> at <paramref name="version"/>: cached, being made by another request (awaited,
    /// so fifty readers missing the same story at once make it once), or made now by <paramref name="make"/>, which gives the
    /// value and its weight, or null for an answer not to share (a story not found, a redirect): a request waiting for it then
    /// gets null too and makes its own answer.</summary>
    public async Task<T?> GetOrMakeAsync<T>(StoreVersion version, string key, Func<Task<(T Value, int Weight)?>> make)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(make);
        if (Get<T>(version, key) is { } cached) return cached;
        TaskCompletionSource<object?>? mine = null;
        Task<object?> making;
        lock (_gate)
        {
            if (!_making.TryGetValue((key, version), out making!))
            {
                mine = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
                making = mine.Task;
                _making[(key, version)] = making;
            }
        }
        if (mine is null)
        {
            // The request making it may fail (its own cancellation, a store error): then this one makes its own.
            await ((Task)making).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return making.IsCompletedSuccessfully ? making.Result as T : (await make().ConfigureAwait(false))?.Value;
        }
        try
        {
            var made = await make().ConfigureAwait(false);
            if (made is { } entry) Set(version, key, entry.Value, entry.Weight);
            mine.SetResult(made?.Value);
            return made?.Value;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            // Observed here: the waiters (if any) make their own answer instead of reading this failure.
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            lock (_gate) _making.Remove((key, version));
        }
    }

    /// <summary>Keeps <paramref name="value"/> (of <paramref name="weight"/>, at least 1) as <paramref name="key"/> at
    /// <paramref name="version"/>, in place of the key's entry at another version; not a value heavier than the whole cache.</summary>
    public void Set(StoreVersion version, string key, object value, int weight)
    {
        ArgumentNullException.ThrowIfNull(value);
        weight = Math.Max(1, weight);
        if (weight > MaxWeight) return;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                if (old.Value.Version == version) return;
                // A reader that started before the story's last change may finish after it and put back an older entry: the
                // next reader at the newer version misses once and puts its own back. (Versions are not ordered across a
                // deletion, which may lower the withdrawals' count, so the cache does not try to keep only the newest.)
                Remove(old);
            }
            while (_weight + weight > MaxWeight && _recent.Last is { } last) Remove(last);
            _entries[key] = _recent.AddFirst(new Entry(key, version, value, weight));
            _weight += weight;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _entries.Remove(node.Value.Key);
        _weight -= node.Value.Weight;
    }

    private sealed record Entry(string Key, StoreVersion Version, object Value, int Weight);
}
