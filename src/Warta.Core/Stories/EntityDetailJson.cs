namespace Warta.Core.Stories;

/// <summary>An entity as <c>warta entity NAME --json</c> shows it: the <see cref="EntityJson"/> fields and the stories it appears in.</summary>
public sealed record EntityDetailJson(string Id, string Name, string Type, int Mentions, IReadOnlyList<string> Aliases, IReadOnlyList<StorySummaryJson> Stories)
{
    public static EntityDetailJson From(EntityInStories item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var e = item.Entity;
        return new(e.EntityId, e.CanonicalName, e.Type.ToString().ToLowerInvariant(), e.Mentions, e.Aliases, [.. item.Stories.Select(StorySummaryJson.From)]);
    }
}
