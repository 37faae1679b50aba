using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Warta.Core.Entities;

/// <summary>The tagger's emission weights: only the buckets with a non-zero row, each row as <see cref="RowStride"/> half-precision
/// floats, found through a bitmap of the buckets and a running count of its set bits.</summary>
/// <remarks>The shipped model has weights in 243,660 of its 2^20 buckets (23 %). As dense floats the table took 33.5 MB per
/// weight set, now 3.9 MB of rows plus a 192 KB index that stays in cache, and a feature's row is found with one popcount.
/// Widening a half to a float is exact, and a missing row reads the shared all-zero row 0, whose +0 additions leave a sum
/// (which starts at +0, so is never -0) unchanged: scores are bit for bit those of the dense float table.</remarks>
internal sealed class EmissionTable
{
    /// <summary>Halves per row: the 7 tags padded to 8, so a row is one 16-byte vector, widened to one 32-byte vector of floats.</summary>
    public const int RowStride = 8;

    /// <summary>Bit b set when bucket b has a row.</summary>
    private readonly ulong[] _present;

    /// <summary>For each word of <see cref="_present"/>, the row of its first set bit: 1 + the set bits of the words before it.</summary>
    private readonly int[] _rank;

    /// <summary><see cref="RowStride"/> half-precision bit patterns per row; row 0 is all zero (the buckets without a row).</summary>
    private readonly ushort[] _rows;

    private EmissionTable(int bucketBits, ulong[] present, ushort[] rows)
    {
        BucketBits = bucketBits;
        _present = present;
        _rows = rows;
        _rank = new int[present.Length];
        var row = 1;
        for (var w = 0; w < present.Length; w++)
        {
            _rank[w] = row;
            row += BitOperations.PopCount(present[w]);
        }
        if (row * RowStride != rows.Length) throw new InvalidDataException("NER model rows do not match their buckets");
    }

    /// <summary>Log2 of the number of buckets.</summary>
    public int BucketBits { get; }

    /// <summary>Buckets with a row of their own.</summary>
    public int RowCount => _rows.Length / RowStride - 1;

    /// <summary>The table of the trainer's dense rows (<see cref="BioTags.Count"/> floats per bucket), each weight rounded to half
    /// precision (as the model file stores it); rows all of whose weights round to zero are left out.</summary>
    public static EmissionTable FromFloats(float[] emission, int bucketBits)
    {
        const int T = BioTags.Count;
        var builder = new Builder(bucketBits, CountRows(emission));
        Span<ushort> halves = stackalloc ushort[T];
        for (var bucket = 0; bucket < 1 << bucketBits; bucket++)
        {
            if (!HasWeight(emission.AsSpan(bucket * T, T))) continue;
            for (var t = 0; t < T; t++) halves[t] = BitConverter.HalfToUInt16Bits((Half)emission[bucket * T + t]);
            builder.Add(bucket, halves);
        }
        return builder.Build();
    }

    private static int CountRows(float[] emission)
    {
        var count = 0;
        for (var at = 0; at < emission.Length; at += BioTags.Count)
        {
            if (HasWeight(emission.AsSpan(at, BioTags.Count))) count++;
        }
        return count;
    }

    private static bool HasWeight(ReadOnlySpan<float> row)
    {
        foreach (var w in row)
        {
            if ((Half)w != Half.Zero) return true;
        }
        return false;
    }

    /// <summary>Index of <paramref name="bucket"/>'s row in <see cref="_rows"/> (in rows), or 0 when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RowOf(int bucket)
    {
        var word = _present[bucket >> 6];
        var bit = bucket & 63;
        var row = _rank[bucket >> 6] + BitOperations.PopCount(word & ((1UL << bit) - 1));
        // Branch-free: a missing bucket reads row 0.
        return row & -(int)((word >> bit) & 1);
    }

    /// <summary>The bucket's row widened to floats (lanes 7 and up are zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Row(int bucket) =>
        Widen(Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_rows), (nuint)RowOf(bucket) * RowStride));

    /// <summary>Adds the bucket's row to <paramref name="sums"/>, one tag at a time (where 256-bit vectors are not accelerated).</summary>
    public void AddRow(int bucket, Span<float> sums)
    {
        var row = _rows.AsSpan(RowOf(bucket) * RowStride, BioTags.Count);
        for (var t = 0; t < sums.Length; t++) sums[t] += (float)BitConverter.UInt16BitsToHalf(row[t]);
    }

    /// <summary>The buckets with a row, in increasing order, each with its <see cref="BioTags.Count"/> half-precision bit patterns.</summary>
    public IEnumerable<(int Bucket, ushort[] Halves)> Rows()
    {
        for (var w = 0; w < _present.Length; w++)
        {
            var word = _present[w];
            while (word != 0)
            {
                var bucket = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                yield return (bucket, _rows.AsSpan(RowOf(bucket) * RowStride, BioTags.Count).ToArray());
            }
        }
    }

    /// <summary>Eight half-precision bit patterns as floats, exactly as <c>(float)Half</c> converts each (subnormals, infinities
    /// and NaN included).</summary>
    /// <remarks>The magnitude bits shifted into a float's exponent and mantissa are the half's value times 2^-112, exact for
    /// normal and subnormal halves alike; one multiplication by 2^112 (exact too) gives the value. A half's all-ones exponent
    /// (infinity, NaN) would come out finite that way, so it is set to the float's all-ones exponent instead.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> Widen(Vector128<ushort> halves)
    {
        var bits = Vector256.WidenLower(halves.ToVector256Unsafe());
        var magnitude = (bits & Vector256.Create(0x7FFFu)) << 13;
        var sign = (bits & Vector256.Create(0x8000u)) << 16;
        var scaled = (magnitude.AsSingle() * Vector256.Create(0x7780_0000u).AsSingle()).AsUInt32();
        var special = Vector256.GreaterThanOrEqual(magnitude.AsInt32(), Vector256.Create(0x0F80_0000)).AsUInt32();
        return (Vector256.ConditionalSelect(special, magnitude | Vector256.Create(0x7000_0000u), scaled) | sign).AsSingle();
    }

    /// <summary>Builds a table from rows given in increasing bucket order.</summary>
    internal sealed class Builder
    {
        private readonly int _bucketBits;
        private readonly ulong[] _present;
        private readonly ushort[] _rows;
        private int _count;
        private int _last = -1;

        /// <param name="bucketBits">Log2 of the number of buckets.</param>
        /// <param name="rowCount">How many rows will be added.</param>
        public Builder(int bucketBits, int rowCount)
        {
            _bucketBits = bucketBits;
            _present = new ulong[Math.Max(1, (1 << bucketBits) / 64)];
            _rows = new ushort[(rowCount + 1) * RowStride];
        }

        /// <summary>Adds the row of <paramref name="bucket"/>: <see cref="BioTags.Count"/> half-precision bit patterns.</summary>
        public void Add(int bucket, ReadOnlySpan<ushort> halves)
        {
            if (bucket <= _last || bucket >= 1 << _bucketBits) throw new InvalidDataException("NER model rows are damaged");
            if ((_count + 2) * RowStride > _rows.Length) throw new InvalidDataException("NER model has more rows than it says");
            _count++;
            halves[..BioTags.Count].CopyTo(_rows.AsSpan(_count * RowStride));
            _present[bucket >> 6] |= 1UL << (bucket & 63);
            _last = bucket;
        }

        /// <summary>The table of the rows added.</summary>
        public EmissionTable Build() => new(_bucketBits, _present, _rows);
    }
}
