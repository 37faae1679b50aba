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

    private static float[] ReadRows(BinaryReader reader, int bucketBits)
    {
        var emission = new float[(1 << bucketBits) * RowStride];
        var count = reader.ReadInt32();
        var row = 0;
        for (var k = 0; k < count; k++)
        {
            row += reader.Read7BitEncodedInt();
            for (var t = 0; t < BioTags.Count; t++) emission[row * RowStride + t] = (float)reader.ReadHalf();
        }
        return emission;
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static EntityTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        // Buffered: the rows are read two bytes at a time, and each read straight from the gzip stream cost 1.6 s of every
        // command's start-up.
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
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
        var emission = ReadRows(reader, bucketBits);
        var names = new string[version == 1 ? 0 : reader.ReadByte()];
        if (names.Length == 0) return new EntityTagger(bucketBits, emission, transition, description, null, 0);
        for (var i = 0; i < names.Length; i++) names[i] = reader.ReadString();
        var defaultIndex = reader.ReadByte();
        if (defaultIndex > names.Length) throw new InvalidDataException($"NER model default domain {defaultIndex} of {names.Length}");
        var domainTransition = new float[names.Length * TransitionBlock];
        for (var i = 0; i < domainTransition.Length; i++) domainTransition[i] = reader.ReadSingle();
        var domainEmission = ReadRows(reader, bucketBits);
        return new EntityTagger(bucketBits, emission, transition, description, new DomainWeights(names, defaultIndex, domainEmission, domainTransition), defaultIndex);
    }

    private static EntityTagger LoadShippedModel()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException("this build carries no NER model; run `warta train ner` and rebuild");
        return Load(stream);
    }
}
