using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>One article of a story together with the assignment that placed it there (which says whether it is a copy).</summary>
public sealed record StoryArticle(StoryAssignment Assignment, Article Article);
