namespace Warta.Evaluation;

/// <summary>Extrinsic clustering scores over gold and predicted labels of the same items.</summary>
/// <remarks>
/// Pair counting as used for online news clustering by Miranda et al. 2018: precision is the share of item pairs put
/// together that belong together. B-cubed (Bagga and Baldwin 1998; Amigó et al. 2009): per item, the share of its
/// predicted cluster that shares its gold class (precision) and of its gold class found in its predicted cluster
/// (recall), averaged over items. Both are computed from the contingency table, so cost is linear in the items.
/// </remarks>
public static class ClusteringMetrics
{
    /// <summary>Pair-counting precision and recall; with no pair on a side, that side's score is 1 (nothing claimed, nothing missed).</summary>
    public static PrecisionRecall PairCounting(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var table = Contingency(gold, predicted);
        double together = 0, predictedPairs = 0, goldPairs = 0;
        foreach (var n in table.Cells.Values) together += Pairs(n);
        foreach (var n in table.PredictedSizes.Values) predictedPairs += Pairs(n);
        foreach (var n in table.GoldSizes.Values) goldPairs += Pairs(n);
        return new PrecisionRecall(predictedPairs == 0 ? 1 : together / predictedPairs, goldPairs == 0 ? 1 : together / goldPairs);
    }

    /// <summary>B-cubed precision and recall, each item weighted equally.</summary>
    public static PrecisionRecall BCubed(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var table = Contingency(gold, predicted);
        if (gold.Count == 0) return new PrecisionRecall(1, 1);
        double precision = 0, recall = 0;
        foreach (var ((goldLabel, predictedLabel), n) in table.Cells)
        {
            precision += (double)n * n / table.PredictedSizes[predictedLabel];
            recall += (double)n * n / table.GoldSizes[goldLabel];
        }
        return new PrecisionRecall(precision / gold.Count, recall / gold.Count);
    }

    private static double Pairs(long n) => n * (n - 1) / 2.0;

    private static ContingencyTable Contingency(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count) throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predicted", nameof(predicted));
        var table = new ContingencyTable();
        for (var i = 0; i < gold.Count; i++)
        {
            var key = (gold[i], predicted[i]);
            table.Cells[key] = table.Cells.GetValueOrDefault(key) + 1;
            table.GoldSizes[gold[i]] = table.GoldSizes.GetValueOrDefault(gold[i]) + 1;
            table.PredictedSizes[predicted[i]] = table.PredictedSizes.GetValueOrDefault(predicted[i]) + 1;
        }
        return table;
    }

    private sealed class ContingencyTable
    {
        public Dictionary<(string Gold, string Predicted), long> Cells { get; } = [];
        public Dictionary<string, long> GoldSizes { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> PredictedSizes { get; } = new(StringComparer.Ordinal);
    }
}
