namespace Warta.Evaluation;

/// <summary>Counts and rates of a TIMEX3 evaluation in the TempEval-3 style.</summary>
/// <remarks>
/// Strict: a prediction matches a gold span with exactly the same offsets. Relaxed: spans overlap, paired one-to-one in text order.
/// Type and normalisation accuracy are taken over the relaxed pairs. Value F1 counts a prediction as correct when it is
/// relaxed-matched and its value equals the gold value, over all predictions (precision) and all gold spans (recall);
/// it equals normalisation accuracy × relaxed F1, which is how TempEval-3 and IndoTimex report normalisation F1.
/// Rates are NaN when their denominator is zero (no predictions), and all of them when there is no gold at all:
/// a set without annotations says nothing about precision either.
/// </remarks>
public sealed record TimexScore(int Documents, int Gold, int Predicted, int StrictMatches, int RelaxedMatches, int TypeCorrect, int ValueCorrect)
{
    public double StrictPrecision => HasGold ? Ratio(StrictMatches, Predicted) : double.NaN;

    public double StrictRecall => Ratio(StrictMatches, Gold);

    public double StrictF1 => F1(StrictPrecision, StrictRecall);

    public double RelaxedPrecision => HasGold ? Ratio(RelaxedMatches, Predicted) : double.NaN;

    public double RelaxedRecall => Ratio(RelaxedMatches, Gold);

    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);

    public double TypeAccuracy => Ratio(TypeCorrect, RelaxedMatches);

    public double NormalisationAccuracy => Ratio(ValueCorrect, RelaxedMatches);

    public double ValueF1 => F1(Ratio(ValueCorrect, Predicted), Ratio(ValueCorrect, Gold));

    /// <summary>False when the documents carry no gold TIMEX3 at all, so recognition cannot be scored.</summary>
    public bool HasGold => Gold > 0;

    private static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;

    private static double F1(double p, double r) => double.IsNaN(p) || double.IsNaN(r) ? double.NaN : p + r == 0 ? 0 : 2 * p * r / (p + r);
}
