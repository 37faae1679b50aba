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
}
