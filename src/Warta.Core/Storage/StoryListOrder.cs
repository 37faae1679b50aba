namespace Warta.Core.Storage;

/// <summary>The order a store lists current stories in (<see cref="IStoryReader.ListCurrentStoriesAsync"/>).</summary>
public enum StoryListOrder
{
    /// <summary>The store's order: most recently updated first, then latest publication (undated last), then id.</summary>
    Updated,

    /// <summary>First publication (undated last), then id: the order <c>warta stories</c> prints.</summary>
    FirstPublished,
}
