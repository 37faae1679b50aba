using Warta.Core.Stories.Corrections;

namespace Warta.Hosting;

/// <summary>Editors' corrections of the stories, made by the process's one writer (<see cref="PlacementService"/>): the CLI, the API and the web pages call this.</summary>
/// <remarks>
/// Stories and articles are named by id or unique id prefix; a story merged into another stands for the story it joined.
/// Each correction is recorded (kind, stories, articles, who, when, change sequence number), shown on the story, kept by
/// later placements (a split pair is never merged back, a moved article stays) and by a full replay of the store.
/// </remarks>
public interface IStoryCorrections
{
    /// <summary>Merges story <paramref name="fromStory"/> into <paramref name="intoStory"/>; the merged story's id resolves to the story it joined.</summary>
    /// <exception cref="StoryCorrectionException">Refused: a story not found, or merged into itself.</exception>
    Task<StoryCorrection> MergeAsync(string fromStory, string intoStory, string by, CancellationToken cancellationToken = default);

    /// <summary>Splits <paramref name="articles"/> off <paramref name="story"/> into a new story.</summary>
    /// <exception cref="StoryCorrectionException">Refused: a story or article not found, an article not in the story, all or none of its articles.</exception>
    Task<StoryCorrection> SplitAsync(string story, IReadOnlyList<string> articles, string by, CancellationToken cancellationToken = default);

    /// <summary>Moves <paramref name="article"/> to <paramref name="story"/>.</summary>
    /// <exception cref="StoryCorrectionException">Refused: the article or story not found, or the article is in that story already.</exception>
    Task<StoryCorrection> MoveAsync(string article, string story, string by, CancellationToken cancellationToken = default);
}
