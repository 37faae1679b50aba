using System.Runtime.CompilerServices;

namespace Warta.Core.Entities;

/// <summary>Turns the tokens of one sentence into hashed feature buckets, a fixed number per token.</summary>
/// <remarks>Templates follow the usual feature set of perceptron NER taggers (Collins 2002; Ratinov &amp; Roth 2009): word,
/// affixes, shape, capitalisation, ±2 context words, gazetteer membership. Hashing (FNV-1a then the murmur3 finaliser) is
/// deterministic across runs and machines, unlike <see cref="string.GetHashCode()"/>.</remarks>
internal sealed class EntityFeatureExtractor
{
    /// <summary>Features per token; bumping the template set changes this and invalidates saved models.</summary>
    public const int PerToken = 41;

    /// <summary>The first features of each token depend on the word alone (bias, word, lower case, affixes, shape), so a tagger
    /// may keep their weights' sum per word and skip them (see <see cref="WordScoreCache"/>).</summary>
    public const int WordLocal = 12;

    private readonly PlaceGazetteer _gazetteer;
    private readonly int _mask;

    public EntityFeatureExtractor(PlaceGazetteer gazetteer, int bucketBits)
    {
        _gazetteer = gazetteer;
        _mask = (1 << bucketBits) - 1;
    }

    /// <summary>Flat array of bucket indices: token i's features are at [i * PerToken, (i + 1) * PerToken).</summary>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="lowerCase">Their lower-case forms when the caller has them (the token layer keeps them), else computed here.</param>
    /// <param name="wordKnown">Tokens whose word-local features (the first <see cref="WordLocal"/>) the caller already has summed;
    /// their buckets are left 0 rather than hashed.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] Extract(IReadOnlyList<string> tokens, IReadOnlyList<string>? lowerCase = null, bool[]? wordKnown = null)
    {
        var n = tokens.Count;
        // One copy into an array: the tokens come as a list interface (often a boxed ArraySegment), read ~20 times per token.
        var words = new string[n];
        for (var i = 0; i < n; i++) words[i] = tokens[i];
        var lower = new string[n];
        // Shapes live in one buffer (ShapeLength chars per token) instead of a string each.
        var shapeChars = new char[n * ShapeLength];
        var shapeLengths = new int[n];
        var caps = new char[n];
        for (var i = 0; i < n; i++)
        {
            lower[i] = lowerCase is null ? words[i].ToLowerInvariant() : lowerCase[i];
            shapeLengths[i] = Shape(words[i], shapeChars.AsSpan(i * ShapeLength, ShapeLength));
            caps[i] = CapClass(words[i]);
        }
        ReadOnlySpan<char> ShapeOf(int i) => shapeChars.AsSpan(i * ShapeLength, shapeLengths[i]);
        var gaz = _gazetteer.Match(lower);
        var (runStart, runEnd) = CapitalisedRuns(caps, lower);
        var features = new int[n * PerToken];
        for (var i = 0; i < n; i++)
        {
            var f = i * PerToken;
            var word = words[i];
            var low = lower[i];
            var isFirst = i == 0 || IsSentenceBreak(words[i - 1]);
            var prev = i > 0 ? lower[i - 1] : "<s>";
            var prev2 = i > 1 ? lower[i - 2] : "<s>";
            var next = i + 1 < n ? lower[i + 1] : "</s>";
            var next2 = i + 2 < n ? lower[i + 2] : "</s>";
            var capPrev = i > 0 ? caps[i - 1] : '^';
            var capNext = i + 1 < n ? caps[i + 1] : '$';
            if (wordKnown is not null && wordKnown[i])
            {
                f += WordLocal;
            }
            else
            {
                features[f++] = Bucket(0, "");
                features[f++] = Bucket(1, low);
                features[f++] = Bucket(2, word);
                for (var k = 1; k <= 4; k++) features[f++] = Bucket((uint)(2 + k), low.AsSpan(0, Math.Min(k, low.Length)));
                for (var k = 1; k <= 4; k++) features[f++] = Bucket((uint)(6 + k), low.AsSpan(low.Length - Math.Min(k, low.Length)));
                features[f++] = Bucket(11, ShapeOf(i));
            }
            features[f++] = Bucket(12, [caps[i], isFirst ? 'F' : 'm']);
            features[f++] = Bucket(13, prev);
            features[f++] = Bucket(14, prev2);
            features[f++] = Bucket(15, next);
            features[f++] = Bucket(16, next2);
            features[f++] = Bucket(17, prev, low);
            features[f++] = Bucket(18, low, next);
            features[f++] = Bucket(19, [capPrev, caps[i], capNext]);
            features[f++] = Bucket(20, i > 0 ? ShapeOf(i - 1) : "<s>");
            features[f++] = Bucket(21, i + 1 < n ? ShapeOf(i + 1) : "</s>");
            features[f++] = Bucket(22, [(char)('0' + gaz[i]), caps[i]]);
            features[f++] = Bucket(23, [i > 0 ? (char)('0' + gaz[i - 1]) : '^', (char)('0' + gaz[i]), i + 1 < n ? (char)('0' + gaz[i + 1]) : '$']);
            features[f++] = Bucket(24, i > 0 ? words[i - 1] : "<s>");
            features[f++] = Bucket(25, i + 1 < n ? words[i + 1] : "</s>");
            features[f++] = Bucket(26, [(char)('0' + Math.Min(word.Length, 9)), caps[i]]);
            features[f++] = Bucket(27, prev, [caps[i]]);
            features[f++] = Bucket(28, next, [caps[i]]);
            features[f++] = Bucket(29, [capPrev, caps[i], isFirst ? 'F' : 'm', i > 1 ? caps[i - 2] : '^']);
            // Run features: every token of "Dinas Kependudukan dan Catatan Sipil" sees the run's head, tail and borders.
            var rs = runStart[i];
            var re = runEnd[i];
            var inRun = rs >= 0;
            features[f++] = Bucket(30, inRun ? lower[rs] : "-");
            features[f++] = Bucket(31, inRun ? lower[re - 1] : "-");
            features[f++] = Bucket(32, inRun
                ? [(char)('0' + Math.Min(re - rs, 5)), i == rs ? 'B' : i == re - 1 ? 'E' : 'I', rs == 0 || IsSentenceBreak(words[rs - 1]) ? 'F' : 'm']
                : "-");
            features[f++] = Bucket(33, inRun ? (rs > 0 ? lower[rs - 1] : "<s>") : "-");
            features[f++] = Bucket(34, inRun ? (re < n ? lower[re] : "</s>") : "-");
            features[f++] = Bucket(35, i > 2 ? lower[i - 3] : "<s>");
            features[f++] = Bucket(36, i + 3 < n ? lower[i + 3] : "</s>");
            features[f++] = Bucket(37, i > 0 ? ShapeOf(i - 1) : "<s>", ShapeOf(i));
            features[f++] = Bucket(38, ShapeOf(i), i + 1 < n ? ShapeOf(i + 1) : "</s>");
            features[f++] = Bucket(39, low.AsSpan(0, Math.Min(5, low.Length)));
            features[f++] = Bucket(40, low.AsSpan(low.Length - Math.Min(5, low.Length)));
        }
        return features;
    }

    /// <summary>For each token, the [start, end) of the run of capitalised tokens it belongs to (lower-case
    /// connectors such as <c>dan</c>, <c>dari</c>, <c>of</c> may join two capitalised tokens), or -1 outside runs.</summary>
    private static (int[] Start, int[] End) CapitalisedRuns(char[] caps, string[] lower)
    {
        var n = caps.Length;
        var start = new int[n];
        var end = new int[n];
        Array.Fill(start, -1);
        var i = 0;
        while (i < n)
        {
            if (!IsCapital(caps[i]))
            {
                i++;
                continue;
            }
            var j = i + 1;
            while (j < n && (IsCapital(caps[j]) || (j + 1 < n && IsConnector(lower[j]) && IsCapital(caps[j + 1]))))
            {
                j += IsCapital(caps[j]) ? 1 : 2;
            }
            for (var k = i; k < j; k++)
            {
                start[k] = i;
                end[k] = j;
            }
            i = j;
        }
        return (start, end);
    }

    private static bool IsCapital(char capClass) => capClass is 'C' or 'A' or 'M';

    private static bool IsConnector(string lower) => lower is "dan" or "dari" or "untuk" or "of" or "the" or "and" or "de" or "bin" or "binti" or "van" or "von" or "al" or "el";

    /// <summary>True for tokens after which a new sentence starts (capitalisation there says little).</summary>
    public static bool IsSentenceBreak(string token) =>
        token is "." or "!" or "?" or ":" or "\"" or "“" or "”" or "(" or "–" or "—";

    /// <summary>Word shape with runs collapsed: <c>Kim</c> → <c>Xx</c>, <c>Jong-un</c> → <c>Xx-x</c>, <c>23/4</c> → <c>d/d</c>.</summary>
    public static string Shape(string token)
    {
        Span<char> buffer = stackalloc char[ShapeLength];
        return new string(buffer[..Shape(token, buffer)]);
    }

    /// <summary>Longest shape kept; longer ones are cut.</summary>
    private const int ShapeLength = 16;

    /// <summary>Writes the shape of <paramref name="token"/> into <paramref name="buffer"/> and returns its length.</summary>
    private static int Shape(string token, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in token)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (length > 0 && buffer[length - 1] == s) continue;
            if (length == buffer.Length) break;
            buffer[length++] = s;
        }
        return length;
    }

    /// <summary>L lower, C capitalised, A all caps, M mixed, D has digit, P punctuation or symbol.</summary>
    public static char CapClass(string token)
    {
        bool upper = false, lower = false, digit = false, firstUpper = token.Length > 0 && char.IsUpper(token[0]);
        foreach (var c in token)
        {
            if (char.IsUpper(c)) upper = true;
            else if (char.IsLower(c)) lower = true;
            else if (char.IsDigit(c)) digit = true;
        }
        if (digit) return 'D';
        if (!upper && !lower) return 'P';
        if (!upper) return 'L';
        if (!lower) return token.Length > 1 ? 'A' : 'C';
        return firstUpper ? 'C' : 'M';
    }

    /// <summary>The bucket of a feature's copy for one training domain (Daumé 2007: each feature fires once shared and once per
    /// domain), so a domain's conventions can move its own weights without moving the shared ones.</summary>
    public static int DomainBucket(int bucket, int domain, int mask)
    {
        var h = ((uint)bucket * 0x9E3779B1u) ^ ((uint)domain * 0x85EBCA77u);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        h *= 0x297A2D39u;
        h ^= h >> 15;
        return (int)(h & (uint)mask);
    }

    // Inlined: 41 features per token made these calls a fifth of the annotation stage's time, and inlined, each template's
    // seed folds to a constant and the features' hash chains can overlap in the pipeline.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(uint template, ReadOnlySpan<char> a) => Finish(Mix(Seed(template), a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(uint template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Finish(Mix(Mix(Seed(template), a) ^ 0x1F, b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Seed(uint template) => (2166136261u ^ template) * 16777619u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Finish(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return (int)(h & (uint)_mask);
    }
}
