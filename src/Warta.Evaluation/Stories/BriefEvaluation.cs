namespace Warta.Evaluation.Stories;

/// <summary>Generated story briefs scored against reference briefs, beside the lead baseline, and the share of brief sentences cited correctly.</summary>
/// <param name="Stories">Per story, in reference order.</param>
/// <param name="BriefSentences">Generated brief sentences checked.</param>
/// <param name="CitedCorrectly">Those whose every cited article states them (<see cref="CitationCheck"/>).</param>
/// <param name="CitationErrors">One line per sentence with an article cited that does not state it.</param>
public sealed record BriefEvaluation(IReadOnlyList<BriefStoryScore> Stories, int BriefSentences, int CitedCorrectly, IReadOnlyList<string> CitationErrors)
{
    /// <summary>Mean ROUGE of the generated briefs over the stories.</summary>
    public RougeScore Brief => RougeScore.Mean([.. Stories.Select(static s => s.Brief)]);

    /// <summary>Mean ROUGE of the lead baseline over the stories.</summary>
    public RougeScore Lead => RougeScore.Mean([.. Stories.Select(static s => s.Lead)]);

    /// <summary>Share of brief sentences cited correctly.</summary>
    public double CitationAccuracy => BriefSentences == 0 ? 0 : (double)CitedCorrectly / BriefSentences;
}
