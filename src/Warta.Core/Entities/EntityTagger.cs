using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Entities;

/// <summary>Named-entity tagger for person, place and organisation: a linear model over hashed features with Viterbi decoding under BIO constraints.</summary>
/// <remarks>Weights come from <c>EntityTaggerTrainer</c> in Warta.Evaluation (averaged perceptron, Collins 2002). The shipped model is an
/// embedded resource trained by <c>warta train ner</c> on the MIT-licensed NERGrit, NERP and IDNER-news-2k train splits.</remarks>
public sealed partial class EntityTagger
{
    private const string ShippedResource = "Warta.Core.Entities.Model.ner-id.bin";
    private static readonly Lazy<EntityTagger> LazyShipped = new(LoadShippedModel);

    /// <summary>The shared emission weights.</summary>
    private readonly EmissionTable _emission;
    private readonly float[] _transition;
    private readonly DomainTables? _domains;
    private readonly int _domain;
    private readonly EntityFeatureExtractor _extractor;

    /// <summary>This thread's word sums and the tagger they belong to (a domain's sums differ). Per thread, since annotation runs
    /// on several: 2 × 8,192 words each (about 1.3 MB), enough for the words that make most of news text; rarer ones are
    /// summed again.</summary>
    [ThreadStatic]
    private static (EntityTagger Owner, WordScoreCache Cache)? _wordScores;

    private WordScoreCache WordScores
    {
        get
        {
            if (_wordScores is { } held && ReferenceEquals(held.Owner, this)) return held.Cache;
            var cache = new WordScoreCache(8_192);
            _wordScores = (this, cache);
            return cache;
        }
    }

    /// <summary>Per-training-set corrections added to the shared weights (see <c>EntityTaggerTrainer</c> in Warta.Evaluation).</summary>
    /// <param name="Names">Training sets, in order; domain index i + 1 is Names[i].</param>
    /// <param name="DefaultIndex">Domain used unless <see cref="ForDomain"/> says otherwise; 0 for the shared weights alone.</param>
    /// <param name="Emission">One bucket × tag table holding every domain's feature copies (hashed by domain).</param>
    /// <param name="Transition">One transition block per domain.</param>
    internal sealed record DomainWeights(string[] Names, int DefaultIndex, float[] Emission, float[] Transition);

    /// <summary>The corrections as the tagger holds them: the emission rows are read when a domain is first used (news is tagged
    /// with the shared weights alone, so an ingest never reads them; see <see cref="LoadShippedModel"/>).</summary>
    private sealed record DomainTables(string[] Names, int DefaultIndex, Lazy<EmissionTable> Emission, float[] Transition);

    /// <remarks>Takes emission weights with <see cref="BioTags.Count"/> floats per bucket, the trainer's layout; they are kept
    /// in half precision, as the model file stores them, so a trained tagger tags as its saved and loaded copy does.</remarks>
    internal EntityTagger(int bucketBits, float[] emission, float[] transition, string description, DomainWeights? domains = null)
        : this(EmissionTable.FromFloats(emission, bucketBits), transition, description,
            domains is null ? null : new DomainTables(domains.Names, domains.DefaultIndex,
                new Lazy<EmissionTable>(EmissionTable.FromFloats(domains.Emission, bucketBits)), domains.Transition),
            domains?.DefaultIndex ?? 0)
    {
    }

    private EntityTagger(EmissionTable emission, float[] transition, string description, DomainTables? domains, int domain)
    {
        BucketBits = emission.BucketBits;
        _emission = emission;
        _transition = transition;
        _domains = domains;
        _domain = domain;
        Description = description;
        _extractor = new EntityFeatureExtractor(PlaceGazetteer.Default, BucketBits);
    }

    /// <summary>The shared emission weights, the transition weights and the feature extractor (for tests of the scoring).</summary>
    internal (EmissionTable Emission, float[] Transition, EntityFeatureExtractor Extractor) Parts => (_emission, _transition, _extractor);

    /// <summary>The domain corrections' emission weights, read now if they were not yet; null when the model has none.</summary>
    internal EmissionTable? DomainEmission => _domains?.Emission.Value;

    /// <summary>Whether the domain corrections' emission rows have been read (they are read on first use of a domain).</summary>
    internal bool DomainRowsLoaded => _domains?.Emission.IsValueCreated ?? false;

    /// <summary>The model embedded in Warta.Core.</summary>
    public static EntityTagger Shipped => LazyShipped.Value;

    /// <summary>True when this build carries a trained model.</summary>
    public static bool HasShippedModel => typeof(EntityTagger).Assembly.GetManifestResourceInfo(ShippedResource) is not null;

    /// <summary>Log2 of the number of feature buckets.</summary>
    public int BucketBits { get; }

    /// <summary>How the model was trained (data, epochs, seed), written by the trainer.</summary>
    public string Description { get; }

    /// <summary>Training sets (domains) with their own correction to the shared weights; empty when the model has none.</summary>
    public IReadOnlyList<string> Domains => _domains?.Names ?? [];

    /// <summary>The domain whose correction is added to the shared weights when tagging, or null for the shared weights alone.</summary>
    public string? Domain => _domain == 0 ? null : _domains!.Names[_domain - 1];

    /// <summary>The model for scoring a labeled set: with that set's correction when the model trained on the set (its train
    /// split), else unchanged (its default domain).</summary>
    public EntityTagger ForDataset(string setName) => Domains.Contains(setName) ? ForDomain(setName) : this;

    /// <summary>The same model tagging with one training set's correction (null: the shared weights alone).</summary>
    /// <exception cref="ArgumentException">The model has no such domain.</exception>
    public EntityTagger ForDomain(string? domain)
    {
        var index = domain is null ? 0 : Array.IndexOf(_domains?.Names ?? [], domain) + 1;
        if (index == 0 && domain is not null) throw new ArgumentException($"the model has no domain '{domain}'", nameof(domain));
        return new EntityTagger(_emission, _transition, Description, _domains, index) { ApplyNameRules = ApplyNameRules };
    }

    /// <summary>BIO labels (<c>B-PER</c>, <c>I-LOC</c>, <c>O</c> …) of one sentence's tokens.</summary>
    public string[] Predict(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var tags = Decode(tokens);
        var labels = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) labels[i] = BioTags.Name(tags[i]);
        return labels;
    }

    /// <summary>Entity mentions in a text, read from its token layer; each mention's id is derived from its own surface form (see <see cref="EntityLinker"/> to link aliases).</summary>
    /// <param name="tokens">The article body's token layer, shared with the other annotators.</param>
    public IReadOnlyList<EntityMention> Tag(TokenizedText tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var text = tokens.Text;
        var words = NerWords.Of(tokens);
        var mentions = new List<EntityMention>();
        var first = 0;
        for (var i = 1; i <= words.Count; i++)
        {
            var breaks = i == words.Count || EndsSentence(words.Words[i - 1]) || HasLineBreak(text, words.Spans[i - 1], words.Spans[i]);
            if (!breaks) continue;
            var tags = Decode(new ArraySegment<string>(words.Words, first, i - first), new ArraySegment<string>(words.Lower, first, i - first));
            AddMentions(text, words.Spans, first, tags, mentions);
            first = i;
        }
        return mentions;
    }

    /// <summary>Transition weights of one block: (tags + start) × tags.</summary>
    internal const int TransitionBlock = (BioTags.Count + 1) * BioTags.Count;

    internal int[] Decode(IReadOnlyList<string> tokens, IReadOnlyList<string>? lower = null)
    {
        if (tokens.Count == 0) return [];
        var domainTransition = _domain == 0 ? default : _domains!.Transition.AsSpan((_domain - 1) * TransitionBlock, TransitionBlock);
        var domainEmission = _domain == 0 ? null : _domains!.Emission.Value;
        var mask = (1 << BucketBits) - 1;
        var scores = Vector256.IsHardwareAccelerated
            ? CachedScores(tokens, lower, domainEmission, mask)
            : Scores(_extractor.Extract(tokens, lower), tokens.Count, _emission, domainEmission, _domain, mask);
        var tags = BestPath(scores, tokens.Count, _transition, domainTransition, _domain);
        if (ApplyNameRules) NameRules.Apply(tokens, tags);
        return tags;
    }

    /// <summary>As <see cref="Scores"/>, with each word's word-local sum taken from this thread's cache when the word was seen
    /// before: news repeats most of its words, and those features were 12 of the 41 table reads per token (each a likely cache
    /// miss). The sum is built in the same order either way, so the scores are the same to the bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal float[] CachedScores(IReadOnlyList<string> tokens, IReadOnlyList<string>? lower, EmissionTable? domainEmission, int mask)
    {
        const int T = BioTags.Count;
        const int P = EntityFeatureExtractor.PerToken;
        var n = tokens.Count;
        var cache = WordScores;
        var known = new bool[n];
        var partial = new Vector256<float>[n];
        for (var i = 0; i < n; i++) known[i] = cache.TryGet(tokens[i], out partial[i]);
        var features = _extractor.Extract(tokens, lower, known);
        var scores = new float[n * T];
        for (var i = 0; i < n; i++)
        {
            var start = i * P;
            var sum = known[i] ? partial[i] : Sum(Vector256<float>.Zero, features, start, start + EntityFeatureExtractor.WordLocal, domainEmission, mask);
            if (!known[i]) cache.Add(tokens[i], sum);
            sum = Sum(sum, features, start + EntityFeatureExtractor.WordLocal, start + P, domainEmission, mask);
            for (var t = 0; t < T; t++) scores[i * T + t] = sum[t];
        }
        return scores;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector256<float> Sum(Vector256<float> sum, int[] features, int from, int to, EmissionTable? domainEmission, int mask)
    {
        for (var k = from; k < to; k++)
        {
            sum += _emission.Row(features[k]);
            if (_domain == 0) continue;
            sum += domainEmission!.Row(EntityFeatureExtractor.DomainBucket(features[k], _domain, mask));
        }
        return sum;
    }

    /// <summary>Whether <see cref="NameRules"/> refine the model's tags (on by default; off to measure the model alone).</summary>
    public bool ApplyNameRules { get; private init; } = true;

    /// <summary>The same model without <see cref="NameRules"/>, to measure what the rules add.</summary>
    public EntityTagger WithoutNameRules() =>
        new(_emission, _transition, Description, _domains, _domain) { ApplyNameRules = false };

    /// <summary>Emission scores (<see cref="BioTags.Count"/> per token) of the features, with a non-zero <paramref name="domain"/>'s
    /// feature copies from <paramref name="domainEmission"/> added.</summary>
    internal static float[] Scores(int[] features, int n, EmissionTable emission, EmissionTable? domainEmission, int domain, int mask)
    {
        const int T = BioTags.Count;
        var scores = new float[n * T];
        if (Vector256.IsHardwareAccelerated)
        {
            // Lane by lane the same additions in the same order as the scalar loop below, so the same scores.
            for (var i = 0; i < n; i++)
            {
                var sum = Vector256<float>.Zero;
                for (var k = i * EntityFeatureExtractor.PerToken; k < (i + 1) * EntityFeatureExtractor.PerToken; k++)
                {
                    sum += emission.Row(features[k]);
                    if (domain == 0) continue;
                    sum += domainEmission!.Row(EntityFeatureExtractor.DomainBucket(features[k], domain, mask));
                }
                for (var t = 0; t < T; t++) scores[i * T + t] = sum[t];
            }
            return scores;
        }
        for (var i = 0; i < n; i++)
        {
            var s = scores.AsSpan(i * T, T);
            for (var k = i * EntityFeatureExtractor.PerToken; k < (i + 1) * EntityFeatureExtractor.PerToken; k++)
            {
                emission.AddRow(features[k], s);
                if (domain == 0) continue;
                domainEmission!.AddRow(EntityFeatureExtractor.DomainBucket(features[k], domain, mask), s);
            }
        }
        return scores;
    }

    /// <summary>Best BIO-valid tag sequence under the trainer's dense emission weights (<see cref="BioTags.Count"/> floats per
    /// bucket) and first-order transition weights; a non-zero <paramref name="domain"/> adds that domain's feature copies from
    /// <paramref name="domainEmission"/> and its transition block <paramref name="domainTransition"/>.</summary>
    internal static int[] Viterbi(int[] features, int n, float[] emission, float[] transition, float[]? domainEmission,
        ReadOnlySpan<float> domainTransition, int domain, int mask) =>
        BestPath(DenseScores(features, n, emission, domainEmission, domain, mask), n, transition, domainTransition, domain);

    /// <summary>As <see cref="Scores"/>, from the trainer's dense rows of <see cref="BioTags.Count"/> floats.</summary>
    internal static float[] DenseScores(int[] features, int n, float[] emission, float[]? domainEmission, int domain, int mask)
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
                if (domain == 0) continue;
                row = domainEmission.AsSpan(EntityFeatureExtractor.DomainBucket(features[k], domain, mask) * T, T);
                for (var t = 0; t < T; t++) s[t] += row[t];
            }
        }
        return scores;
    }

    /// <summary>Best BIO-valid tag sequence under emission <paramref name="scores"/> and first-order transition weights (with a
    /// non-zero <paramref name="domain"/>'s transition block <paramref name="domainTransition"/> added).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] BestPath(float[] scores, int n, float[] transition, ReadOnlySpan<float> domainTransition, int domain)
    {
        const int T = BioTags.Count;
        if (domain != 0)
        {
            var combined = new float[TransitionBlock];
            for (var k = 0; k < TransitionBlock; k++) combined[k] = transition[k] + domainTransition[k];
            transition = combined;
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

    private static void AddMentions(string text, (int Start, int Length)[] tokens, int first, int[] tags, List<EntityMention> mentions)
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

}
