namespace Warta.Core.Clustering;

/// <summary>One member of a story's sample for the average-link score: its terms (by id) with their sublinear term frequency.</summary>
/// <remarks>
/// The weights are not kept: the score weighs the terms by the statistics of the moment, so an early member is not
/// judged by the few documents the stream had when it arrived. The entries are shared with the term table (their document
/// counts are the live ones); an entry the table has since forgotten keeps its last count.
/// </remarks>
internal sealed class StoryMember(string articleId, TermEntry[] terms, float[] frequencies, byte weekdays = 0, short latestYear = 0)
{
    /// <summary>The latest year the member's text states, or 0 (see <see cref="FeatureExtractor.LatestYear"/>).</summary>
    public short LatestYear { get; } = latestYear;

    /// <summary>The weekdays the member's text names (see <see cref="FeatureExtractor.Weekdays"/>).</summary>
    public byte Weekdays { get; } = weekdays;

    public string ArticleId { get; } = articleId;

    /// <summary>The member's terms in id order.</summary>
    public TermEntry[] Terms { get; } = terms;

    /// <summary>1 + ln(raw count) of each of <see cref="Terms"/>.</summary>
    public float[] Frequencies { get; } = frequencies;
}
