using System.Collections.Concurrent;
using System.Numerics;

namespace Warta.Text;

/// <summary>A bounded, thread-safe cache of analysis by word that keeps the words in use: two generations, a hit in the
/// older one copied to the newer; when the newer fills, the older is dropped and the newer takes its place.</summary>
/// <remarks>It replaces a cache that was emptied whenever it filled: on a stream whose new names keep coming (a million
/// generated articles in <c>warta bench search</c>, years of news) every emptying sent the whole common vocabulary back
/// through the hunspell stemmer. Here a word seen since the last turn survives it. At most two generations of
/// <c>generationLimit</c> words are held.
/// <para>With <c>admitOnSecondSight</c>, a word is kept only the second time it is added (a direct-mapped table of word
/// hashes remembers the first): a stream's one-off names and numbers then no longer push out the words that come back.
/// In <c>warta bench search</c> (whose articles draw sentences of a 28,000-word vocabulary and about eleven new names each
/// by the millionth article) the one-off words turned the generations over every few thousand articles, and the tail of
/// the vocabulary went back through the stemmer each time it came round.</para></remarks>
internal sealed class RecentWordCache<TValue>
{
    private readonly int _generationLimit;
    private readonly Lock _turn = new();
    private readonly int[]? _seen;
    private Generation _newer = new();
    private Generation _older = new();

    /// <param name="generationLimit">Words per generation.</param>
    /// <param name="admitOnSecondSight">Keep a word only when it is added a second time.</param>
    public RecentWordCache(int generationLimit, bool admitOnSecondSight = false)
    {
        _generationLimit = generationLimit;
        // Four slots per word of a generation (4 bytes each): a first sight is remembered until about as many other first
        // sights have landed, and most words of a vocabulary sit in slots of their own.
        if (admitOnSecondSight) _seen = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, 4 * generationLimit))];
    }

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
        if (_seen is not null && !SeenBefore(word)) return;
        var newer = Volatile.Read(ref _newer);
        if (newer.Lookup.TryAdd(word, value)) Counted(newer);
    }

    /// <summary>True when <paramref name="word"/>'s hash is in its slot; otherwise puts it there. Two words sharing a slot
    /// only cost each other a second sight (or, sharing the hash too, one admission early); a torn race costs the same.</summary>
    private bool SeenBefore(ReadOnlySpan<char> word)
    {
        var hash = string.GetHashCode(word);
        ref var slot = ref _seen![hash & (_seen.Length - 1)];
        // The slot holds the hash with its lowest bit set, so an empty slot (0) never matches.
        var tag = hash | 1;
        if (Volatile.Read(ref slot) == tag) return true;
        Volatile.Write(ref slot, tag);
        return false;
    }

    private void Add(Generation generation, string word, TValue value)
    {
        if (generation.Entries.TryAdd(word, value)) Counted(generation);
    }

    private void Counted(Generation generation)
    {
        if (Interlocked.Increment(ref generation.Count) <= _generationLimit) return;
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
