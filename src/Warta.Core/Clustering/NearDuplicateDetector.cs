using System.Numerics;
using Warta.Text;

namespace Warta.Core.Clustering;

/// <summary>Finds copies and light rewrites of earlier articles: SimHash over stem 3-shingles, looked up in banded tables.</summary>
/// <remarks>
/// SimHash after Charikar 2002, banded lookup after Manku et al. 2007: the 64 bits are cut into
/// <see cref="MaxDistance"/> + 1 bands, so any two hashes within the distance agree on at least one band (pigeonhole).
/// Measured on constructed copies of the 50 Kompas dev articles (exact, last paragraph dropped, 1-3 words replaced;
/// 247 copies) against all 1,225 pairs of distinct articles (two threads, so many pairs share their topic): copy
/// distances 0:57 1:11 2:25 3:27 4:35 5:26 6:14 7:24 8:10 9:8 10+:10; the closest distinct pair is at distance 20.
/// Distance ≤ 3 (the web-scale choice) would find 49% of the copies; ≤ 8 finds 92.7% with no distinct pair matched
/// (precision 1.0) and a margin of 12 bits. Texts of fewer than <see cref="MinFuzzyShingles"/> shingles (headlines)
/// only match exactly: their SimHash has too few inputs for distance to mean much.
/// </remarks>
public sealed partial class NearDuplicateDetector
{
    /// <summary>Largest Hamming distance still called a copy.</summary>
    public const int MaxDistance = 8;

    /// <summary>Below this many shingles a text is matched only when its fingerprint is identical.</summary>
    public const int MinFuzzyShingles = 24;

    /// <summary>Below this many shingles a text is never called a copy (e.g. the two-word column title "Business Highlights").</summary>
    public const int MinShingles = 4;

    private const int ShingleSize = 3;
    private const int Bands = MaxDistance + 1;
    private const int BandBits = (64 + Bands - 1) / Bands;

    /// <summary>Indexed by band and the band's bits: a fixed table, and a bucket once made is kept when it empties, so a stream that evicts and refills the index does not rebuild it.</summary>
    private readonly Bucket?[] _buckets = new Bucket?[Bands << BandBits];
    private readonly Dictionary<string, Entry> _byArticle = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Articles removed by <see cref="Remove"/> so far: kept member lists (<see cref="StoryMembers"/>) older than this are made again.</summary>
    private long _removals;

    /// <summary>Articles currently indexed.</summary>
    public int Count => _byArticle.Count;

    /// <summary>SimHash of the stems of all word and number tokens of title and body, in 3-token shingles.</summary>
    public static TextFingerprint Fingerprint(AnalyzedText title, AnalyzedText body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        // The shingles are hashed as the stems stream past (the last two stems are all a 3-shingle needs), so no list of stems is kept.
        var shingler = new Shingler();
        AddStems(title, ref shingler);
        AddStems(body, ref shingler);
        return shingler.Finish();
    }

    /// <summary>The closest (then earliest) indexed article this fingerprint copies, if any.</summary>
    public NearDuplicateMatch? Find(TextFingerprint fingerprint)
    {
        if (fingerprint.Shingles < MinShingles) return null;
        var maxDistance = fingerprint.Shingles >= MinFuzzyShingles ? MaxDistance : 0;
        Entry? best = null;
        var bestDistance = int.MaxValue;
        for (var band = 0; band < Bands; band++)
        {
            if (_buckets[BucketKey(fingerprint.Hash, band)] is not { } bucket) continue;
            // The hashes are scanned as one array: a band's bucket holds 1/128 to 1/256 of the index (about 3,000 entries
            // over the nine bands at 55,000 indexed articles), and reading each entry object for its hash made this lookup
            // a quarter of the clusterer's time at 100,000 load records.
            var hashes = bucket.Hashes;
            for (var i = 0; i < bucket.Count; i++)
            {
                var distance = BitOperations.PopCount(hashes[i] ^ fingerprint.Hash);
                if (distance > maxDistance) continue;
                var entry = bucket.Entries[i];
                if (entry.Shingles < MinFuzzyShingles && distance > 0) continue;
                if (distance < bestDistance || (distance == bestDistance && entry.Sequence < best!.Sequence))
                {
                    best = entry;
                    bestDistance = distance;
                }
            }
        }
        return best is null ? null : new NearDuplicateMatch(best.ArticleId, bestDistance);
    }

    /// <summary>
    /// Rewrites within a story the clusterer already matched may differ more than blind copies: distance ≤ 14 there.
    /// Measured on the sample corpus: its three re-runs (3-shingle Jaccard 0.63) sit at 10, 12 and 14; the closest
    /// distinct pair, in the corpus and on Kompas dev, at 20–21.
    /// </summary>
    public const int MaxDistanceInStory = 14;

    /// <summary>The closest of <paramref name="articleIds"/> within <see cref="MaxDistanceInStory"/>, earliest on ties.</summary>
    public NearDuplicateMatch? FindAmong(TextFingerprint fingerprint, IEnumerable<string> articleIds)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (fingerprint.Shingles < MinFuzzyShingles) return null;
        Entry? best = null;
        var bestDistance = int.MaxValue;
        foreach (var id in articleIds)
        {
            if (_byArticle.TryGetValue(id, out var entry)) Closer(fingerprint, entry, ref best, ref bestDistance);
        }
        return best is null ? null : new NearDuplicateMatch(best.ArticleId, bestDistance);
    }

    /// <summary>As <see cref="FindAmong(TextFingerprint, IEnumerable{string})"/> over a story's members, with the entries found kept in <paramref name="members"/> between calls.</summary>
    /// <remarks>
    /// A story of 4,322 articles cost 4,322 lookups by id for each article scored against it. The kept entries stay valid
    /// while the story's ids only grow at the end and each is indexed before the next lookup (the clusterer's placing,
    /// replay and merges); any <see cref="Remove"/> (an editor's correction) makes every story look its ids up again.
    /// The answer is the same set's minimum, so the same match.
    /// </remarks>
    internal NearDuplicateMatch? FindAmong(TextFingerprint fingerprint, IReadOnlyList<string> articleIds, StoryMembers members)
    {
        if (fingerprint.Shingles < MinFuzzyShingles) return null;
        if (members.Removals != _removals || members.Scanned > articleIds.Count)
        {
            members.Entries.Clear();
            members.Scanned = 0;
            members.Removals = _removals;
        }
        for (; members.Scanned < articleIds.Count; members.Scanned++)
        {
            if (_byArticle.TryGetValue(articleIds[members.Scanned], out var entry) && entry.Shingles >= MinFuzzyShingles) members.Entries.Add(entry);
        }
        Entry? best = null;
        var bestDistance = int.MaxValue;
        foreach (var entry in members.Entries) Closer(fingerprint, entry, ref best, ref bestDistance);
        return best is null ? null : new NearDuplicateMatch(best.ArticleId, bestDistance);
    }

    /// <summary>Takes <paramref name="entry"/> as the best so far when it is within <see cref="MaxDistanceInStory"/> and closer (then earlier).</summary>
    private static void Closer(TextFingerprint fingerprint, Entry entry, ref Entry? best, ref int bestDistance)
    {
        if (entry.Shingles < MinFuzzyShingles) return;
        var distance = BitOperations.PopCount(entry.Hash ^ fingerprint.Hash);
        if (distance > MaxDistanceInStory) return;
        if (distance < bestDistance || (distance == bestDistance && entry.Sequence < best!.Sequence))
        {
            best = entry;
            bestDistance = distance;
        }
    }

    /// <summary>Indexes an original article so later copies of it are found; adding an indexed id again changes nothing.</summary>
    public void Add(string articleId, TextFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        if (fingerprint.Shingles < MinShingles || _byArticle.ContainsKey(articleId)) return;
        var entry = new Entry(articleId, fingerprint.Hash, fingerprint.Shingles, _sequence++);
        _byArticle.Add(articleId, entry);
        for (var band = 0; band < Bands; band++)
        {
            (_buckets[BucketKey(fingerprint.Hash, band)] ??= new Bucket()).Add(entry);
        }
    }

    /// <summary>Drops an article from the index (when its story leaves the working set).</summary>
    public bool Remove(string articleId)
    {
        if (!_byArticle.Remove(articleId, out var entry)) return false;
        for (var band = 0; band < Bands; band++)
        {
            _buckets[BucketKey(entry.Hash, band)]!.Remove(entry);
        }
        _removals++;
        return true;
    }

    /// <summary>As <see cref="Remove"/>, for an article whose whole story leaves the working set: no other story's <see cref="StoryMembers"/> holds it, so they stay valid.</summary>
    internal void RemoveWithStory(string articleId)
    {
        if (!_byArticle.Remove(articleId, out var entry)) return;
        for (var band = 0; band < Bands; band++)
        {
            _buckets[BucketKey(entry.Hash, band)]!.Remove(entry);
        }
    }

    /// <summary>Band <paramref name="band"/> covers bits [64·band/Bands, 64·(band+1)/Bands), at most <see cref="BandBits"/> of them, placed after the band number.</summary>
    private static int BucketKey(ulong hash, int band)
    {
        var from = 64 * band / Bands;
        var width = (64 * (band + 1) / Bands) - from;
        return (band << BandBits) | (int)((hash >> from) & ((1UL << width) - 1));
    }

    private static void AddStems(AnalyzedText text, ref Shingler shingler)
    {
        foreach (ref readonly var token in AnalyzedTokens.Of(text))
        {
            if (token.Kind is TokenKind.Word or TokenKind.Number) shingler.Add(Fnv1a(token.Stem));
        }
    }

    private static ulong Fnv1a(string s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }
        return h;
    }

    /// <summary>SplitMix64 finaliser, so that every output bit depends on every input bit.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Running SimHash over the 3-shingles of a stream of stem hashes; a text of fewer stems hashes each stem alone.</summary>
    /// <remarks>
    /// Bit i of the SimHash is set when more shingle hashes have bit i set than clear, i.e. when 2·ones(i) &gt; shingles.
    /// The ones are counted eight bit positions to a byte lane of a 64-bit word (<see cref="ByteSpread"/>), eight words
    /// per hash instead of 64 single-bit steps, and the lanes are emptied before 255 hashes can overflow them.
    /// </remarks>
    private struct Shingler
    {
        private const int LaneCapacity = 255;

        private ulong _first, _second, _previous, _last;
        private int _stems, _pending, _shingles;
        private Lanes _lanes;
        private Ones _ones;

        public void Add(ulong stem)
        {
            _stems++;
            if (_stems == 1) _first = stem;
            else if (_stems == 2) _second = stem;
            if (_stems >= ShingleSize) AddHash(Mix((((_previous * 0x100000001B3UL) ^ _last) * 0x100000001B3UL) ^ stem));
            _previous = _last;
            _last = stem;
        }

        public TextFingerprint Finish()
        {
            if (_stems < ShingleSize)
            {
                if (_stems >= 1) AddHash(Mix(_first));
                if (_stems >= 2) AddHash(Mix(_second));
            }
            Drain();
            ulong hash = 0;
            for (var bit = 0; bit < 64; bit++)
            {
                if (2 * _ones[bit] > _shingles) hash |= 1UL << bit;
            }
            return new TextFingerprint(hash, _shingles);
        }

        private void AddHash(ulong hash)
        {
            for (var b = 0; b < 8; b++) _lanes[b] += ByteSpread[(int)((hash >> (8 * b)) & 0xFF)];
            _shingles++;
            if (++_pending == LaneCapacity) Drain();
        }

        private void Drain()
        {
            for (var b = 0; b < 8; b++)
            {
                var lane = _lanes[b];
                for (var j = 0; j < 8; j++) _ones[(8 * b) + j] += (int)((lane >> (8 * j)) & 0xFF);
                _lanes[b] = 0;
            }
            _pending = 0;
        }
    }

    /// <summary>Byte value → the same eight bits spread one to a byte (bit j to byte j).</summary>
    private static readonly ulong[] ByteSpread = [.. Enumerable.Range(0, 256).Select(static v =>
    {
        ulong spread = 0;
        for (var j = 0; j < 8; j++) spread |= (ulong)((v >> j) & 1) << (8 * j);
        return spread;
    })];

    [System.Runtime.CompilerServices.InlineArray(8)]
    private struct Lanes
    {
        private ulong _element;
    }

    [System.Runtime.CompilerServices.InlineArray(64)]
    private struct Ones
    {
        private int _element;
    }

    /// <summary>The indexed members of one story found so far, for <see cref="FindAmong(TextFingerprint, IReadOnlyList{string}, StoryMembers)"/>.</summary>
    internal sealed class StoryMembers
    {
        /// <summary>Indexed members with enough shingles, among the first <see cref="Scanned"/> ids.</summary>
        public List<Entry> Entries { get; } = [];

        /// <summary>How many of the story's ids have been looked up.</summary>
        public int Scanned { get; set; }

        /// <summary>The detector's removal count when the entries were collected.</summary>
        public long Removals { get; set; }
    }

    /// <summary>A fixed bucket's entries with their hashes alongside, so a lookup reads one array; order does not matter (ties go by sequence).</summary>
    private sealed class Bucket
    {
        public ulong[] Hashes { get; private set; } = new ulong[4];
        public Entry[] Entries { get; private set; } = new Entry[4];
        public int Count { get; private set; }

        public void Add(Entry entry)
        {
            if (Count == Hashes.Length)
            {
                var hashes = Hashes;
                var entries = Entries;
                Array.Resize(ref hashes, 2 * Count);
                Array.Resize(ref entries, 2 * Count);
                Hashes = hashes;
                Entries = entries;
            }
            Hashes[Count] = entry.Hash;
            Entries[Count++] = entry;
        }

        /// <summary>Removes the entry by moving the last one into its place.</summary>
        public void Remove(Entry entry)
        {
            var i = Array.IndexOf(Entries, entry, 0, Count);
            if (i < 0) return;
            Count--;
            Hashes[i] = Hashes[Count];
            Entries[i] = Entries[Count];
            Entries[Count] = null!;
        }
    }

    internal sealed class Entry(string articleId, ulong hash, int shingles, long sequence)
    {
        public string ArticleId { get; } = articleId;
        public ulong Hash { get; } = hash;
        public int Shingles { get; } = shingles;
        public long Sequence { get; } = sequence;
    }
}
