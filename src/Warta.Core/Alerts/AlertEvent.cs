namespace Warta.Core.Alerts;

/// <summary>One firing of a rule: what happened, to which story or article, with the key that makes it happen only once.</summary>
/// <param name="Key">Idempotency key: rule id plus what fired (<c>r-…:page:URL</c> or <c>r-…:article:ID</c>, <c>r-…:story:ID:outlets:3</c>); the store records a key once, so a re-evaluation after a crash fires nothing twice.</param>
/// <param name="RuleId">The rule that fired.</param>
/// <param name="Kind">The rule's kind.</param>
/// <param name="Sequence">The store change whose evaluation fired it.</param>
/// <param name="FiredAt">When the evaluator fired it.</param>
/// <param name="Title">A headline for the event: the article's title, else the story's headline.</param>
/// <param name="Summary">One sentence saying what happened.</param>
public sealed record AlertEvent(string Key, string RuleId, AlertRuleKind Kind, long Sequence, DateTimeOffset FiredAt, string Title, string Summary)
{
    /// <summary>The story concerned (followed through merges to the story that holds it now).</summary>
    public string? StoryId { get; init; }

    public string? StoryHeadline { get; init; }

    /// <summary>The article that fired it, when one did.</summary>
    public string? ArticleId { get; init; }

    public string? ArticleUrl { get; init; }

    /// <summary>The outlet of the article that fired it, or the outlet that joined.</summary>
    public string? Outlet { get; init; }

    /// <summary>The outlets of the story (sorted), or that counted towards the threshold.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>The number the rule compared: outlets reached, or articles in the last hour.</summary>
    public int? Count { get; init; }
}
