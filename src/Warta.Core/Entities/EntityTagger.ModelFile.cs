using System.Buffers.Binary;
using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace Warta.Core.Entities;

// This part: the model file format (gzip of a header, the transition weights and the non-zero emission rows as half
// floats, then the per-domain corrections) and loading the shipped model.
public sealed partial class EntityTagger
{
    private static readonly byte[] Magic = "WNER"u8.ToArray();

    private const byte FormatVersion = 2;

    /// <summary>Writes the model: gzip of a header, the transition weights and the non-zero emission rows as half floats.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((byte)BucketBits);
        writer.Write((byte)BioTags.Count);
        writer.Write((byte)EntityFeatureExtractor.PerToken);
        writer.Write(Description);
        foreach (var w in _transition) writer.Write(w);
        WriteRows(writer, _emission);
        var names = _domains?.Names ?? [];
        writer.Write((byte)names.Length);
        foreach (var name in names) writer.Write(name);
        if (_domains is null) return;
        writer.Write((byte)_domains.DefaultIndex);
        foreach (var w in _domains.Transition) writer.Write(w);
        WriteRows(writer, _domains.Emission.Value);
    }

    /// <summary>The emission rows with a weight that survives half precision, each as (gap to the previous row, T halves).</summary>
    private static void WriteRows(BinaryWriter writer, EmissionTable emission)
    {
        writer.Write(emission.RowCount);
        var previous = 0;
        foreach (var (bucket, halves) in emission.Rows())
        {
            writer.Write7BitEncodedInt(bucket - previous);
            previous = bucket;
            foreach (var half in halves) writer.Write(half);
        }
    }

    /// <summary>Reads the rows written by <see cref="WriteRows"/>.</summary>
    private static EmissionTable ReadRows(ModelReader reader, int bucketBits)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > 1 << bucketBits) throw new InvalidDataException("NER model rows are damaged");
        var table = new EmissionTable.Builder(bucketBits, count);
        Span<ushort> halves = stackalloc ushort[BioTags.Count];
        var row = 0;
        for (var k = 0; k < count; k++)
        {
            row += reader.Read7BitEncodedInt();
            var bytes = reader.Take(2 * BioTags.Count);
            for (var t = 0; t < halves.Length; t++) halves[t] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * t)..]);
            table.Add(row, halves);
        }
        return table.Build();
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static EntityTagger Load(Stream stream) => Load(stream, reopen: null);

    /// <summary>Reads a model; with <paramref name="reopen"/> (a fresh stream of the same model) and the shared weights as the
    /// default, the domain rows are left unread until a domain is first used, and then read from a fresh stream.</summary>
    private static EntityTagger Load(Stream stream, Func<Stream>? reopen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        var reader = new ModelReader(gzip);
        if (!reader.Take(Magic.Length).SequenceEqual(Magic)) throw new InvalidDataException("not a Warta NER model");
        var version = reader.ReadByte();
        // Format 1 is format 2 without the domain section.
        if (version is not (1 or FormatVersion)) throw new InvalidDataException($"NER model format {version}, expected {FormatVersion}");
        var bucketBits = reader.ReadByte();
        if (bucketBits is < 1 or > 28) throw new InvalidDataException($"NER model with 2^{bucketBits} buckets");
        if (reader.ReadByte() != BioTags.Count || reader.ReadByte() != EntityFeatureExtractor.PerToken)
        {
            throw new InvalidDataException("NER model was trained with another tag or feature set; retrain with `warta train ner`");
        }
        var description = reader.ReadString();
        var transition = new float[TransitionBlock];
        for (var i = 0; i < transition.Length; i++) transition[i] = reader.ReadSingle();
        var emission = ReadRows(reader, bucketBits);
        var names = new string[version == 1 ? 0 : reader.ReadByte()];
        if (names.Length == 0) return new EntityTagger(emission, transition, description, null, 0);
        for (var i = 0; i < names.Length; i++) names[i] = reader.ReadString();
        var defaultIndex = reader.ReadByte();
        if (defaultIndex > names.Length) throw new InvalidDataException($"NER model default domain {defaultIndex} of {names.Length}");
        var domainTransition = new float[names.Length * TransitionBlock];
        for (var i = 0; i < domainTransition.Length; i++) domainTransition[i] = reader.ReadSingle();
        var domainEmission = reopen is null || defaultIndex != 0
            ? new Lazy<EmissionTable>(ReadRows(reader, bucketBits))
            : new Lazy<EmissionTable>(() =>
            {
                using var again = reopen();
                return Load(again, reopen: null)._domains!.Emission.Value;
            });
        return new EntityTagger(emission, transition, description, new DomainTables(names, defaultIndex, domainEmission, domainTransition), defaultIndex);
    }

    internal static EntityTagger LoadShippedModel()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException("this build carries no NER model; run `warta train ner` and rebuild");
        // The domain rows (3.4 MB of the 7 MB decompressed) stay unread: ingest tags news with the shared weights alone.
        return Load(stream, static () => Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResource)!);
    }

    /// <summary>Reads the decompressed model through a 64 KiB buffer, each value parsed from the buffer's bytes.</summary>
    /// <remarks>Not <see cref="BinaryReader"/>: the rows are about half a million reads, and a read call per value on the gzip
    /// stream was most of the model's load; nor the whole model decompressed into memory first (7 MB more at start-up).</remarks>
    private sealed class ModelReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _start;
        private int _end;

        /// <summary>The next <paramref name="count"/> bytes, valid until the next read.</summary>
        public ReadOnlySpan<byte> Take(int count)
        {
            if (_end - _start < count) Fill(count);
            var bytes = _buffer.AsSpan(_start, count);
            _start += count;
            return bytes;
        }

        private void Fill(int count)
        {
            if (count > _buffer.Length) throw new InvalidDataException("NER model field is too long");
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
            while (_end < count)
            {
                var read = stream.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0) throw new InvalidDataException("NER model ends early");
                _end += read;
            }
        }

        public byte ReadByte() => Take(1)[0];

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        /// <summary>As <see cref="BinaryReader.Read7BitEncodedInt"/>.</summary>
        public int Read7BitEncodedInt()
        {
            var value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = ReadByte();
                value |= (b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw new InvalidDataException("NER model rows are damaged");
        }

        /// <summary>As <see cref="BinaryReader.ReadString"/>: a 7-bit encoded byte length, then UTF-8.</summary>
        public string ReadString()
        {
            var length = Read7BitEncodedInt();
            if (length < 0) throw new InvalidDataException("NER model string is damaged");
            return Encoding.UTF8.GetString(Take(length));
        }
    }
}
