namespace Warta.Core.Storage;

/// <summary>What a <see cref="StoreChange"/> records.</summary>
public enum StoreChangeKind
{
    /// <summary>An article was stored.</summary>
    ArticleAdded = 1,

    /// <summary>An article was placed in a story (placements never move).</summary>
    ArticlePlaced = 2,

    /// <summary>One story was merged into another on an article's arrival.</summary>
    StoriesMerged = 3,

    /// <summary>An article was deleted, with its placement (the story it left is <see cref="StoreChange.StoryId"/>).</summary>
    ArticleDeleted = 4,

    /// <summary>An editor corrected the stories (see <c>Stories.Corrections</c>): <see cref="StoreChange.StoryId"/> is the story merged into, made by a split or joined by a moved article, <see cref="StoreChange.FromStoryId"/> the one merged away, split or left.</summary>
    /// <remarks>The moves themselves are also <see cref="ArticlePlaced"/> changes (a merge a <see cref="StoriesMerged"/> one), so a follower that knows only those stays right.</remarks>
    StoryCorrected = 5,

    /// <summary>An article became an earlier revision of its page: a later revision (<see cref="StoreChange.FromStoryId"/> stays null) replaced it. It stays stored and placed, folded under the latest; it no longer counts in its story (<see cref="StoreChange.StoryId"/>) and leaves the search index, as a deleted article does.</summary>
    ArticleSuperseded = 6,
}
