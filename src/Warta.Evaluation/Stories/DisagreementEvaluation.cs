namespace Warta.Evaluation.Stories;

/// <summary>Detected disagreements and corrections scored against a hand-made list.</summary>
/// <param name="Detected">Disagreements and corrections the story views show.</param>
/// <param name="DetectedRight">Those that match a listed disagreement or correction of the same kind.</param>
/// <param name="Listed">Listed disagreements and corrections (cases, not values).</param>
/// <param name="ListedFound">Those matched by a detection.</param>
/// <param name="Errors">Detections matching no listed case, and listed cases not found.</param>
public sealed record DisagreementEvaluation(int Detected, int DetectedRight, int Listed, int ListedFound, IReadOnlyList<string> Errors)
{
    /// <summary>Precision over detections, recall over listed cases.</summary>
    public PrecisionRecall Score => new(Detected == 0 ? 0 : (double)DetectedRight / Detected, Listed == 0 ? 0 : (double)ListedFound / Listed);
}
