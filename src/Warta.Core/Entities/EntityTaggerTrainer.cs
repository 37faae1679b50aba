namespace Warta.Core.Entities;

/// <summary>Trains an <see cref="EntityTagger"/> with the averaged structured perceptron (Collins 2002), deterministically for a given seed.</summary>
/// <remarks>Averaging uses the lazy trick of Daumé (2006): keep w and u = Σ c·Δw, the average is w − u / c. Sentences are
/// shuffled each epoch with a seeded <see cref="Random"/>, so the same data, epochs and seed give the same model bytes.</remarks>
public sealed class EntityTaggerTrainer
{
    /// <summary>2^20 buckets: collisions stay rare for ~250k training tokens × 30 templates, model ≈ a few MB on disk.</summary>
    public const int DefaultBucketBits = 20;

    public int Epochs { get; init; } = 12;

    public int Seed { get; init; } = 20190423;

    public int BucketBits { get; init; } = DefaultBucketBits;

    /// <summary>Trains on the given sentences; <paramref name="progress"/> gets (epoch, token accuracy on the training pass).</summary>
    public EntityTagger Train(IReadOnlyList<NerSentence> sentences, string description, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        const int T = BioTags.Count;
        var extractor = new EntityFeatureExtractor(PlaceGazetteer.Default, BucketBits);
        var data = new List<(int[] Features, int[] Gold)>(sentences.Count);
        foreach (var sentence in sentences)
        {
            if (sentence.Tokens.Count == 0) continue;
            data.Add((extractor.Extract(sentence.Tokens), [.. sentence.Labels.Select(BioTags.Index)]));
        }
        var emission = new float[(1 << BucketBits) * T];
        var emissionSum = new double[emission.Length];
        var transition = new float[(T + 1) * T];
        var transitionSum = new double[transition.Length];
        var order = Enumerable.Range(0, data.Count).ToArray();
        var random = new Random(Seed);
        long step = 1;
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var index in order)
            {
                var (features, gold) = data[index];
                var n = gold.Length;
                var predicted = EntityTagger.Viterbi(features, n, emission, transition);
                for (var i = 0; i < n; i++)
                {
                    total++;
                    if (predicted[i] == gold[i]) correct++;
                    else
                    {
                        for (var k = i * EntityFeatureExtractor.PerToken; k < (i + 1) * EntityFeatureExtractor.PerToken; k++)
                        {
                            var row = features[k] * T;
                            Update(emission, emissionSum, row + gold[i], 1, step);
                            Update(emission, emissionSum, row + predicted[i], -1, step);
                        }
                    }
                    var goldPrev = i == 0 ? BioTags.Start : gold[i - 1];
                    var predictedPrev = i == 0 ? BioTags.Start : predicted[i - 1];
                    if (goldPrev != predictedPrev || gold[i] != predicted[i])
                    {
                        Update(transition, transitionSum, goldPrev * T + gold[i], 1, step);
                        Update(transition, transitionSum, predictedPrev * T + predicted[i], -1, step);
                    }
                }
                step++;
            }
            progress?.Invoke(epoch, total == 0 ? 0 : (double)correct / total);
        }
        Average(emission, emissionSum, step);
        Average(transition, transitionSum, step);
        return new EntityTagger(BucketBits, emission, transition, description);
    }

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
