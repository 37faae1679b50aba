using Warta.Core.Stories;

namespace Warta.Core.Storage;

/// <summary>Stored story views (<see cref="StoryView"/>): written by their change follower after each commit, read by queries without recomputing.</summary>
public interface IStoryViewStore
{
    /// <summary>The stored view of the story, or null when none has been computed.</summary>
    Task<StoryView?> GetStoryViewAsync(string storyId, CancellationToken cancellationToken = default);

    /// <summary>The change sequence number the stored views reflect, 0 before the first save.</summary>
    Task<long> StoryViewSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>The change sequence number the stored view of <paramref name="storyId"/> reflects (its <see cref="StoryView.Sequence"/>), 0 when it has none.</summary>
    /// <remarks>A store may return a later number, never an earlier one: this default returns what all views reflect
    /// (<see cref="StoryViewSequenceAsync(CancellationToken)"/>). A store reads the one row, without decoding the view.</remarks>
    Task<long> StoryViewSequenceAsync(string storyId, CancellationToken cancellationToken = default) => StoryViewSequenceAsync(cancellationToken);

    /// <summary>Replaces the views of their stories and records that the views reflect the changes up to <paramref name="sequence"/>, in one transaction.</summary>
    Task SaveStoryViewsAsync(IReadOnlyList<StoryView> views, long sequence, CancellationToken cancellationToken = default);
}
