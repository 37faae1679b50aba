namespace Warta.Core.Stories;

/// <summary>One event of a story's timeline: when it happened, a sentence telling it, and every article telling it.</summary>
/// <param name="When">TIMEX3 value of the event's time (<c>2025-02-23</c>, <c>2019-04</c>), or its first article's publication day.</param>
/// <param name="WhenText">The temporal expression that dates it as written (<c>Senin (14/4/2025)</c>); null when dated by publication.</param>
/// <param name="Text">The sentence telling it.</param>
/// <param name="FirstArticleId">The article that reported it first.</param>
/// <param name="FirstOutlet">That article's outlet: the first to report it.</param>
/// <param name="Citations">Every article telling it, earliest first.</param>
public sealed record TimelineEvent(string When, string? WhenText, string Text, string FirstArticleId, string FirstOutlet, IReadOnlyList<StoryCitation> Citations);
