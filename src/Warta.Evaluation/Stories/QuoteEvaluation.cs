namespace Warta.Evaluation.Stories;

/// <summary>Quote recognition and attribution scored against hand-attributed quotes.</summary>
/// <param name="Gold">Gold quotes.</param>
/// <param name="Extracted">Quotes extracted from the gold's articles.</param>
/// <param name="Matched">Gold quotes matched to an extracted quote.</param>
/// <param name="SpeakerRight">Matched quotes whose speaker is right.</param>
/// <param name="Errors">Missed, spurious and wrongly attributed quotes, in gold order (spurious ones last).</param>
public sealed record QuoteEvaluation(int Gold, int Extracted, int Matched, int SpeakerRight, IReadOnlyList<QuoteError> Errors)
{
    /// <summary>Recognition: matched over extracted (precision) and over gold (recall).</summary>
    public PrecisionRecall Recognition => new(Extracted == 0 ? 0 : (double)Matched / Extracted, Gold == 0 ? 0 : (double)Matched / Gold);

    /// <summary>Right speakers among matched quotes.</summary>
    public double AttributionAccuracy => Matched == 0 ? 0 : (double)SpeakerRight / Matched;
}
