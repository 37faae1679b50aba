using Warta.Core.Entities;

namespace Warta.Evaluation.Entities;

/// <summary>Trains an <see cref="EntityTagger"/> with the averaged structured perceptron (Collins 2002), deterministically for a given seed.</summary>
/// <remarks>Averaging uses the lazy trick of Daumé (2006): keep w and u = Σ c·Δw, the average is w − u / c. Sentences are
/// shuffled each epoch with a seeded <see cref="Random"/>, so the same data, epochs and seed give the same model bytes.</remarks>
public sealed class EntityTaggerTrainer
{
    /// <summary>2^20 buckets: collisions stay rare for ~250k training tokens × 30 templates, model ≈ a few MB on disk.</summary>
    public const int DefaultBucketBits = 20;

    public int Epochs { get; init; } = 12;

    /// <summary>Passes over each set's own sentences when training that set's correction.</summary>
    public int DomainEpochs { get; init; } = 6;

    /// <summary>Folds of each set's sentences: its correction is learned on each fold over shared weights trained without that
    /// fold (below 2: over the final shared weights). Two folds measured best; four were no better and slower.</summary>
    public int DomainFolds { get; init; } = 2;

    public int Seed { get; init; } = 20190423;

    public int BucketBits { get; init; } = DefaultBucketBits;

    /// <summary>Trains on the given sentences; <paramref name="progress"/> gets (epoch, token accuracy on the training pass).</summary>
    public EntityTagger Train(IReadOnlyList<NerSentence> sentences, string description, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return Train([("", sentences)], description, defaultDomain: null, domainWeights: false, progress);
    }

    /// <summary>Trains shared weights on all sets together and, with <paramref name="domainWeights"/>, then one correction per set
    /// on that set's sentences alone (each feature fires again in the set's copy, Daumé 2007, with the shared weights frozen), so
    /// a set's labelling conventions never move the shared weights that tag everything else. The model tags with the shared
    /// weights plus <paramref name="defaultDomain"/>'s correction (null: shared alone) unless told another domain.</summary>
    public EntityTagger Train(IReadOnlyList<(string Domain, IReadOnlyList<NerSentence> Sentences)> sets, string description,
        string? defaultDomain, bool domainWeights, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var domains = domainWeights ? sets.Select(s => s.Domain).ToArray() : [];
        var defaultIndex = defaultDomain is null ? 0 : Array.IndexOf(domains, defaultDomain) + 1;
        if (defaultDomain is not null && defaultIndex == 0) throw new ArgumentException($"no training set '{defaultDomain}'", nameof(defaultDomain));
        var mask = (1 << BucketBits) - 1;
        var extractor = new EntityFeatureExtractor(PlaceGazetteer.Default, BucketBits);
        var data = new List<Example>();
        for (var d = 0; d < sets.Count; d++)
        {
            var position = 0;
            foreach (var sentence in sets[d].Sentences)
            {
                if (sentence.Tokens.Count == 0) continue;
                data.Add(new Example(extractor.Extract(sentence.Tokens), [.. sentence.Labels.Select(BioTags.Index)], d + 1, position++));
            }
        }
        var random = new Random(Seed);
        var shared = NewWeights(mask);
        Run(data, shared, null, 0, mask, Epochs, random, progress);
        if (domains.Length == 0) return new EntityTagger(BucketBits, shared.Emission, shared.Transition, description);

        // Domain corrections live in their own table (feature copies hashed per domain) so the shared weights stay exactly the
        // ones trained above; each domain's correction is averaged on its own and the tables are then summed.
        var domainEmission = new float[shared.Emission.Length];
        var domainTransition = new float[domains.Length * EntityTagger.TransitionBlock];
        for (var d = 1; d <= domains.Length; d++)
        {
            var own = data.Where(e => e.Domain == d).ToList();
            var correction = NewWeights(mask);
            if (DomainFolds < 2) Run(own, correction, _ => shared, d, mask, DomainEpochs, random, null);
            else
            {
                // Jackknife: the shared weights have all but memorised the set's own sentences, so a correction learned on top of
                // them sees few errors (measured: half the gain); learn it on each fold over shared weights trained without it.
                var folds = new Weights[DomainFolds];
                for (var k = 0; k < DomainFolds; k++)
                {
                    folds[k] = NewWeights(mask);
                    Run([.. data.Where(e => e.Domain != d || e.Position % DomainFolds != k)], folds[k], null, 0, mask, Epochs, random, null);
                }
                Run(own, correction, e => folds[e.Position % DomainFolds], d, mask, DomainEpochs, random, null);
            }
            for (var i = 0; i < domainEmission.Length; i++) domainEmission[i] += correction.Emission[i];
            correction.Transition.CopyTo(domainTransition, (d - 1) * EntityTagger.TransitionBlock);
        }
        return new EntityTagger(BucketBits, shared.Emission, shared.Transition, description,
            new EntityTagger.DomainWeights(domains, defaultIndex, domainEmission, domainTransition));
    }

    /// <summary>Averaged-perceptron passes updating <paramref name="weights"/>: the shared weights when <paramref name="frozenOf"/>
    /// is null, else domain <paramref name="domain"/>'s correction on top of the frozen shared weights it gives for each example.</summary>
    private static void Run(List<Example> data, Weights weights, Func<Example, Weights>? frozenOf, int domain, int mask, int epochs, Random random,
        Action<int, double>? progress)
    {
        const int T = BioTags.Count;
        var emissionSum = new double[weights.Emission.Length];
        var transitionSum = new double[weights.Transition.Length];
        var order = Enumerable.Range(0, data.Count).ToArray();
        long step = 1;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var index in order)
            {
                var (features, gold, _, _) = data[index];
                var frozen = frozenOf?.Invoke(data[index]);
                var n = gold.Length;
                var predicted = frozen is null
                    ? EntityTagger.Viterbi(features, n, weights.Emission, weights.Transition, null, default, 0, mask)
                    : EntityTagger.Viterbi(features, n, frozen.Emission, frozen.Transition, weights.Emission, weights.Transition, domain, mask);
                for (var i = 0; i < n; i++)
                {
                    total++;
                    if (predicted[i] == gold[i]) correct++;
                    else
                    {
                        for (var k = i * EntityFeatureExtractor.PerToken; k < (i + 1) * EntityFeatureExtractor.PerToken; k++)
                        {
                            var row = (frozen is null ? features[k] : EntityFeatureExtractor.DomainBucket(features[k], domain, mask)) * T;
                            Update(weights.Emission, emissionSum, row + gold[i], 1, step);
                            Update(weights.Emission, emissionSum, row + predicted[i], -1, step);
                        }
                    }
                    var goldPrev = i == 0 ? BioTags.Start : gold[i - 1];
                    var predictedPrev = i == 0 ? BioTags.Start : predicted[i - 1];
                    if (goldPrev != predictedPrev || gold[i] != predicted[i])
                    {
                        Update(weights.Transition, transitionSum, goldPrev * T + gold[i], 1, step);
                        Update(weights.Transition, transitionSum, predictedPrev * T + predicted[i], -1, step);
                    }
                }
                step++;
            }
            progress?.Invoke(epoch, total == 0 ? 0 : (double)correct / total);
        }
        Average(weights.Emission, emissionSum, step);
        Average(weights.Transition, transitionSum, step);
    }

    /// <param name="Features">Hashed feature buckets, <see cref="EntityFeatureExtractor.PerToken"/> per token.</param>
    /// <param name="Gold">Tag indices.</param>
    /// <param name="Domain">1-based index of the sentence's training set.</param>
    /// <param name="Position">Index among its set's sentences, for the jackknife folds.</param>
    private readonly record struct Example(int[] Features, int[] Gold, int Domain, int Position);

    private sealed record Weights(float[] Emission, float[] Transition);

    private static Weights NewWeights(int mask) => new(new float[(mask + 1) * BioTags.Count], new float[EntityTagger.TransitionBlock]);

    private static void Update(float[] weights, double[] sums, int index, int delta, long step)
    {
        weights[index] += delta;
        sums[index] += (double)delta * step;
    }

    private static void Average(float[] weights, double[] sums, long step)
    {
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(weights[i] - sums[i] / step);
    }
}
