namespace Warta.Core.Alerts;

/// <summary>What an <see cref="AlertRule"/> watches for.</summary>
public enum AlertRuleKind
{
    /// <summary>A new article matches a search query (the Core query syntax).</summary>
    Query = 1,

    /// <summary>A new article mentions an entity (an id such as <c>place:lamaru</c>, or a name or alias).</summary>
    Entity = 2,

    /// <summary>A story reaches N distinct outlets within H hours of its first article.</summary>
    StoryOutlets = 3,

    /// <summary>A story's articles per hour jump k times above its own recent rate.</summary>
    RateJump = 4,

    /// <summary>An outlet (any, or a named one) reports on a story it had not reported on before.</summary>
    OutletJoins = 5,
}
