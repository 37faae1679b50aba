using Warta.Core.Entities;
using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>An entity counted across all current stories, with the stories it appears in.</summary>
/// <param name="Entity">The entity with its mentions and aliases over all stories.</param>
/// <param name="Stories">The current stories that mention it, by id (ordinal).</param>
public sealed record EntityInStories(StoryEntity Entity, IReadOnlyList<Story> Stories);
