namespace Warta.Evaluation;

/// <summary>Lemma accuracy of a stemmer on the affixed words of a treebank.</summary>
/// <param name="Count">Affixed words scored.</param>
/// <param name="Correct">Words whose stem equals the lemma.</param>
/// <param name="Misses">Wrong words, most frequent first.</param>
public sealed record StemmingScore(int Count, int Correct, IReadOnlyList<StemmingMiss> Misses)
{
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;
}
