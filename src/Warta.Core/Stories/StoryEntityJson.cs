using Warta.Core.Entities;

namespace Warta.Core.Stories;

/// <summary>One entity of a story in <c>warta story --json</c>: id, name, lower-case type, mentions, aliases.</summary>
public sealed record StoryEntityJson(string Id, string Name, string Type, int Mentions, IReadOnlyList<string> Aliases)
{
    public static StoryEntityJson From(StoryEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new(entity.EntityId, entity.CanonicalName, entity.Type.ToString().ToLowerInvariant(), entity.Mentions, entity.Aliases);
    }
}
