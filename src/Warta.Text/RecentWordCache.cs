using System.Collections.Concurrent;

namespace Warta.Text;

/// <summary>A bounded, thread-safe cache of analysis by word that keeps the words in use: two generations, a hit in the
/// older one copied to the newer; when the newer fills, the older is dropped and the newer takes its place.</summary>
/// <remarks>It replaces a cache that was emptied whenever it filled: on a stream whose new names keep coming (a million
/// generated articles in <c>warta bench search</c>, years of news) every emptying sent the whole common vocabulary back
/// through the hunspell stemmer. Here a word seen since the last turn survives it. At most two generations of
/// <c>generationLimit</c> words are held.</remarks>
internal sealed class RecentWordCache<TValue>(int generationLimit)
{
    private readonly Lock _turn = new();
    private Generation _newer = new();
    private Generation _older = new();

    public bool TryGet(ReadOnlySpan<char> word, out TValue value)
    {
        var newer = Volatile.Read(ref _newer);
        if (newer.Lookup.TryGetValue(word, out value!)) return true;
        var older = Volatile.Read(ref _older);
        if (!older.Lookup.TryGetValue(word, out var key, out value!)) return false;
        Add(newer, key, value);
        return true;
    }

    public void Add(ReadOnlySpan<char> word, TValue value)
    {
        var newer = Volatile.Read(ref _newer);
        if (newer.Lookup.TryAdd(word, value)) Counted(newer);
    }

    private void Add(Generation generation, string word, TValue value)
    {
        if (generation.Entries.TryAdd(word, value)) Counted(generation);
    }

    private void Counted(Generation generation)
    {
        if (Interlocked.Increment(ref generation.Count) <= generationLimit) return;
        lock (_turn)
        {
            // Another thread may have turned it already.
            if (!ReferenceEquals(_newer, generation)) return;
            Volatile.Write(ref _older, generation);
            Volatile.Write(ref _newer, new Generation());
        }
    }

    private sealed class Generation
    {
        public Generation()
        {
            Lookup = Entries.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        // Lock stripes for adds: the default is one per core, so two indexing threads adding new words met on the same
        // lock half the time (a profile of `warta bench search` showed the waits).
        public ConcurrentDictionary<string, TValue> Entries { get; } = new(Environment.ProcessorCount * 16, 64, StringComparer.Ordinal);

        public ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

        // Entries added, counted apart from the dictionary's Count (which takes every lock of the dictionary).
        public int Count;
    }
}
