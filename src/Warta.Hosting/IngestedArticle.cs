namespace Warta.Hosting;

/// <summary>One article of a committed submission: its id, the story it is in after the commit, and whether this submission stored it.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="StoryId">The story it is placed in, followed through merges to the story that absorbed it.</param>
/// <param name="New">True when this submission stored it; false when it was stored already.</param>
public sealed record IngestedArticle(string Id, string StoryId, bool New);
