namespace Warta.Core.Stories;

/// <summary>An entity as <c>warta entities --json</c> lists it: id, name, lower-case type, mentions, number of stories, aliases.</summary>
public sealed record EntityJson(string Id, string Name, string Type, int Mentions, int Stories, IReadOnlyList<string> Aliases)
{
    public static EntityJson From(EntityInStories item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var e = item.Entity;
        return new(e.EntityId, e.CanonicalName, e.Type.ToString().ToLowerInvariant(), e.Mentions, item.Stories.Count, e.Aliases);
    }
}
