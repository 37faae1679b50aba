namespace Warta.Evaluation;

/// <summary>Counts of one entity type (or all types) under exact-span matching, with precision, recall and F1.</summary>
/// <param name="Correct">Predicted chunks whose span and type equal a gold chunk.</param>
/// <param name="Predicted">All predicted chunks.</param>
/// <param name="Gold">All gold chunks.</param>
public sealed record ChunkScore(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
