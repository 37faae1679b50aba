using Warta.Core.Model;

namespace Warta.Core.Entities;

/// <summary>One entity of a story: its key, display name, type, how often it was mentioned and the surface forms used.</summary>
public sealed record StoryEntity(string EntityId, string CanonicalName, EntityType Type, int Mentions, IReadOnlyList<string> Aliases);
