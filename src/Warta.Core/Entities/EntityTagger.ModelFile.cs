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
        WriteRows(writer, _domains.Emission);
    }

    /// <summary>The emission rows with a weight that survives half precision, each as (gap to the previous row, T halves).</summary>
    private static void WriteRows(BinaryWriter writer, float[] emission)
    {
        var rows = emission.Length / RowStride;
        var kept = new List<int>();
        for (var row = 0; row < rows; row++)
        {
            for (var t = 0; t < BioTags.Count; t++)
            {
                if ((Half)emission[row * RowStride + t] != Half.Zero)
                {
                    kept.Add(row);
                    break;
                }
            }
        }
        writer.Write(kept.Count);
        var previous = 0;
        foreach (var row in kept)
        {
            writer.Write7BitEncodedInt(row - previous);
            previous = row;
            for (var t = 0; t < BioTags.Count; t++) writer.Write((Half)emission[row * RowStride + t]);
        }
    }

    /// <summary>Reads the rows written by <see cref="WriteRows"/> from the decompressed model at the reader's position, straight from its buffer.</summary>
    /// <remarks>Parsed from the bytes rather than through <see cref="BinaryReader"/>: the rows are a few million two-byte
    /// reads, and reading them one call at a time was most of the model's load (about a third of a one-file ingest's start-up).</remarks>
    private static float[] ReadRows(MemoryStream model, BinaryReader reader, int bucketBits)
    {
        var emission = new float[(1 << bucketBits) * RowStride];
        var count = reader.ReadInt32();
        var bytes = model.GetBuffer().AsSpan(0, (int)model.Length);
        var at = (int)model.Position;
        var row = 0;
        for (var k = 0; k < count; k++)
        {
            row += Read7BitEncodedInt(bytes, ref at);
            if ((uint)row >= (uint)(1 << bucketBits) || at + (2 * BioTags.Count) > bytes.Length) throw new InvalidDataException("NER model rows are damaged");
            var weights = emission.AsSpan(row * RowStride, BioTags.Count);
            for (var t = 0; t < weights.Length; t++)
            {
                weights[t] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.Slice(at, 2));
                at += 2;
            }
        }
        model.Position = at;
        return emission;
    }

    /// <summary>As <see cref="BinaryReader.Read7BitEncodedInt"/>, from a span.</summary>
    private static int Read7BitEncodedInt(ReadOnlySpan<byte> bytes, ref int at)
    {
        var value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= bytes.Length) throw new InvalidDataException("NER model ends early");
            var b = bytes[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("NER model rows are damaged");
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static EntityTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Decompressed whole (about 7 MB) and parsed from memory: see ReadRows. Sized from the gzip trailer when the
        // stream can tell it, so the buffer is not grown (and copied) by doubling.
        using var model = new MemoryStream(DecompressedSize(stream));
        using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true)) gzip.CopyTo(model, 1 << 16);
        model.Position = 0;
        using var reader = new BinaryReader(model, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not a Warta NER model");
        var version = reader.ReadByte();
        // Format 1 is format 2 without the domain section.
        if (version is not (1 or FormatVersion)) throw new InvalidDataException($"NER model format {version}, expected {FormatVersion}");
        var bucketBits = reader.ReadByte();
        if (reader.ReadByte() != BioTags.Count || reader.ReadByte() != EntityFeatureExtractor.PerToken)
        {
            throw new InvalidDataException("NER model was trained with another tag or feature set; retrain with `warta train ner`");
        }
        var description = reader.ReadString();
        var transition = new float[TransitionBlock];
        for (var i = 0; i < transition.Length; i++) transition[i] = reader.ReadSingle();
        var emission = ReadRows(model, reader, bucketBits);
        var names = new string[version == 1 ? 0 : reader.ReadByte()];
        if (names.Length == 0) return new EntityTagger(bucketBits, emission, transition, description, null, 0);
        for (var i = 0; i < names.Length; i++) names[i] = reader.ReadString();
        var defaultIndex = reader.ReadByte();
        if (defaultIndex > names.Length) throw new InvalidDataException($"NER model default domain {defaultIndex} of {names.Length}");
        var domainTransition = new float[names.Length * TransitionBlock];
        for (var i = 0; i < domainTransition.Length; i++) domainTransition[i] = reader.ReadSingle();
        var domainEmission = ReadRows(model, reader, bucketBits);
        return new EntityTagger(bucketBits, emission, transition, description, new DomainWeights(names, defaultIndex, domainEmission, domainTransition), defaultIndex);
    }

    /// <summary>The decompressed size a gzip member states in its last four bytes (modulo 4 GiB), or 0 when the stream cannot seek or states no plausible size.</summary>
    private static int DecompressedSize(Stream stream)
    {
        if (!stream.CanSeek || stream.Length - stream.Position < 18) return 0;
        var start = stream.Position;
        Span<byte> trailer = stackalloc byte[4];
        stream.Position = stream.Length - 4;
        stream.ReadExactly(trailer);
        stream.Position = start;
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return size is > 0 and < 256u << 20 ? (int)size : 0;
    }

    private static EntityTagger LoadShippedModel()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException("this build carries no NER model; run `warta train ner` and rebuild");
        return Load(stream);
    }
}
