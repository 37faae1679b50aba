using System.IO.Compression;
using System.Reflection;
using System.Text;
using Warta.Core.Model;

namespace Warta.Core.Entities;

/// <summary>Named-entity tagger for person, place and organisation: a linear model over hashed features with Viterbi decoding under BIO constraints.</summary>
/// <remarks>Weights come from <see cref="EntityTaggerTrainer"/> (averaged perceptron, Collins 2002). The shipped model is an
/// embedded resource trained by <c>warta train ner</c> on the MIT-licensed NERGrit, NERP and IDNER-news-2k train splits.</remarks>
public sealed class EntityTagger
{
    private const string ShippedResource = "Warta.Core.Entities.Model.ner-id.bin";
    private static readonly byte[] Magic = "WNER"u8.ToArray();
    private const byte FormatVersion = 1;

    private static readonly Lazy<EntityTagger> LazyShipped = new(LoadShippedModel);

    private readonly float[] _emission;
    private readonly float[] _transition;
    private readonly EntityFeatureExtractor _extractor;

    internal EntityTagger(int bucketBits, float[] emission, float[] transition, string description)
    {
        BucketBits = bucketBits;
        _emission = emission;
        _transition = transition;
        Description = description;
        _extractor = new EntityFeatureExtractor(PlaceGazetteer.Default, bucketBits);
    }

    /// <summary>The model embedded in Warta.Core.</summary>
    public static EntityTagger Shipped => LazyShipped.Value;

    /// <summary>True when this build carries a trained model.</summary>
    public static bool HasShippedModel => typeof(EntityTagger).Assembly.GetManifestResourceInfo(ShippedResource) is not null;

    /// <summary>Log2 of the number of feature buckets.</summary>
    public int BucketBits { get; }

    /// <summary>How the model was trained (data, epochs, seed), written by the trainer.</summary>
    public string Description { get; }

    /// <summary>BIO labels (<c>B-PER</c>, <c>I-LOC</c>, <c>O</c> …) of one sentence's tokens.</summary>
    public string[] Predict(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var tags = Decode(tokens);
        var labels = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) labels[i] = BioTags.Name(tags[i]);
        return labels;
    }

    /// <summary>Entity mentions in a text tokenised by the caller; each mention's id is derived from its own surface form (see <see cref="EntityLinker"/> to link aliases).</summary>
    /// <param name="text">The article body.</param>
    /// <param name="tokens">Word and punctuation spans of <paramref name="text"/> in order (e.g. from the text analyser).</param>
    public IReadOnlyList<EntityMention> Tag(string text, IReadOnlyList<(int Start, int Length)> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var mentions = new List<EntityMention>();
        var sentence = new List<string>();
        var first = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var breaks = i == tokens.Count
                || (sentence.Count > 0 && (EndsSentence(sentence[^1]) || HasLineBreak(text, tokens[i - 1], tokens[i])));
            if (breaks && sentence.Count > 0)
            {
                AddMentions(text, tokens, first, Decode(sentence), mentions);
                sentence.Clear();
                first = i;
            }
            if (i < tokens.Count) sentence.Add(text.Substring(tokens[i].Start, tokens[i].Length));
        }
        return mentions;
    }

    /// <summary>Entity mentions in a text, tokenised with a simple word/punctuation splitter.</summary>
    public IReadOnlyList<EntityMention> Tag(string text) => Tag(text, WordSpanTokenizer.Split(text));

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
        var rows = 1 << BucketBits;
        var kept = new List<int>();
        for (var row = 0; row < rows; row++)
        {
            for (var t = 0; t < BioTags.Count; t++)
            {
                if ((Half)_emission[row * BioTags.Count + t] != Half.Zero)
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
            for (var t = 0; t < BioTags.Count; t++) writer.Write((Half)_emission[row * BioTags.Count + t]);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static EntityTagger Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not a Warta NER model");
        var version = reader.ReadByte();
        if (version != FormatVersion) throw new InvalidDataException($"NER model format {version}, expected {FormatVersion}");
        var bucketBits = reader.ReadByte();
        if (reader.ReadByte() != BioTags.Count || reader.ReadByte() != EntityFeatureExtractor.PerToken)
        {
            throw new InvalidDataException("NER model was trained with another tag or feature set; retrain with `warta train ner`");
        }
        var description = reader.ReadString();
        var transition = new float[(BioTags.Count + 1) * BioTags.Count];
        for (var i = 0; i < transition.Length; i++) transition[i] = reader.ReadSingle();
        var emission = new float[(1 << bucketBits) * BioTags.Count];
        var count = reader.ReadInt32();
        var row = 0;
        for (var k = 0; k < count; k++)
        {
            row += reader.Read7BitEncodedInt();
            for (var t = 0; t < BioTags.Count; t++) emission[row * BioTags.Count + t] = (float)reader.ReadHalf();
        }
        return new EntityTagger(bucketBits, emission, transition, description);
    }

    internal int[] Decode(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0) return [];
        var tags = Viterbi(_extractor.Extract(tokens), tokens.Count, _emission, _transition);
        if (ApplyNameRules) NameRules.Apply(tokens, tags);
        return tags;
    }

    /// <summary>Whether <see cref="NameRules"/> refine the model's tags (on by default; off to measure the model alone).</summary>
    public bool ApplyNameRules { get; private init; } = true;

    /// <summary>The same model without <see cref="NameRules"/>, to measure what the rules add.</summary>
    public EntityTagger WithoutNameRules() => new(BucketBits, _emission, _transition, Description) { ApplyNameRules = false };

    /// <summary>Best BIO-valid tag sequence under emission and first-order transition weights.</summary>
    internal static int[] Viterbi(int[] features, int n, float[] emission, float[] transition)
    {
        const int T = BioTags.Count;
        var scores = new float[n * T];
        for (var i = 0; i < n; i++)
        {
            Span<float> s = scores.AsSpan(i * T, T);
            for (var k = i * EntityFeatureExtractor.PerToken; k < (i + 1) * EntityFeatureExtractor.PerToken; k++)
            {
                var row = emission.AsSpan(features[k] * T, T);
                for (var t = 0; t < T; t++) s[t] += row[t];
            }
        }
        var best = new float[n * T];
        var back = new int[n * T];
        for (var t = 0; t < T; t++)
        {
            best[t] = BioTags.Allowed[BioTags.Start * T + t] ? scores[t] + transition[BioTags.Start * T + t] : float.NegativeInfinity;
        }
        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                var max = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < T; p++)
                {
                    if (!BioTags.Allowed[p * T + t]) continue;
                    var v = best[(i - 1) * T + p] + transition[p * T + t];
                    if (v > max)
                    {
                        max = v;
                        arg = p;
                    }
                }
                best[i * T + t] = max + scores[i * T + t];
                back[i * T + t] = arg;
            }
        }
        var tags = new int[n];
        var last = 0;
        for (var t = 1; t < T; t++)
        {
            if (best[(n - 1) * T + t] > best[(n - 1) * T + last]) last = t;
        }
        tags[n - 1] = last;
        for (var i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]];
        return tags;
    }

    private static void AddMentions(string text, IReadOnlyList<(int Start, int Length)> tokens, int first, int[] tags, List<EntityMention> mentions)
    {
        var i = 0;
        while (i < tags.Length)
        {
            if (tags[i] == BioTags.Outside)
            {
                i++;
                continue;
            }
            var type = BioTags.TypeOf(tags[i]);
            var end = i + 1;
            while (end < tags.Length && BioTags.IsInside(tags[end]) && BioTags.TypeOf(tags[end]) == type) end++;
            var start = tokens[first + i].Start;
            var stop = tokens[first + end - 1].Start + tokens[first + end - 1].Length;
            var surface = text[start..stop];
            var entityType = type switch { "PER" => EntityType.Person, "LOC" => EntityType.Place, _ => EntityType.Organisation };
            mentions.Add(new EntityMention(start, stop - start, surface, entityType,
                EntityLinker.IdOf(entityType, EntityLinker.Normalise(surface)), surface));
            i = end;
        }
    }

    private static bool EndsSentence(string token) => token is "." or "!" or "?";

    private static bool HasLineBreak(string text, (int Start, int Length) previous, (int Start, int Length) next) =>
        text.AsSpan(previous.Start + previous.Length, next.Start - previous.Start - previous.Length).IndexOfAny('\n', '\r') >= 0;

    private static EntityTagger LoadShippedModel()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException("this build carries no NER model; run `warta train ner` and rebuild");
        return Load(stream);
    }
}
