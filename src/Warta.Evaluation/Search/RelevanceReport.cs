namespace Warta.Evaluation.Search;

/// <summary>Warta's index and the plain baseline on one labeled set (<c>warta eval search</c>).</summary>
/// <param name="Articles">Articles indexed.</param>
/// <param name="Queries">Queries scored: articles with a first sentence and at least one other article of their story.</param>
/// <param name="Warta">Warta's analysis: stems, stopwords, aliases.</param>
/// <param name="Plain">The same index over Lucene's standard lower-case tokens, with nothing else.</param>
public sealed record RelevanceReport(int Articles, int Queries, RelevanceScore Warta, RelevanceScore Plain)
{
    /// <summary>Warta's MRR minus the baseline's.</summary>
    public double MrrGain => Warta.Mrr - Plain.Mrr;

    /// <summary>Warta's precision at 10 minus the baseline's.</summary>
    public double PrecisionAt10Gain => Warta.PrecisionAt10 - Plain.PrecisionAt10;
}
