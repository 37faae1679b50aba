using Warta.Core.Entities;

namespace Warta.Core.Stories;

/// <summary>What a story says, computed when the story changes and stored: its brief, timeline, disputed quantities and the first telling of each of its sentences.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="Sequence">The store change sequence number the view reflects.</param>
/// <param name="Language">The story's language (the language most of its articles are in); the brief is in it.</param>
/// <param name="Brief">A few sentences telling the story in order, each citing the articles that state it.</param>
/// <param name="Timeline">Events in time order.</param>
/// <param name="Disagreements">Quantities stated differently across articles.</param>
/// <param name="ArticleIds">The story's articles in story order (publication order, undated last, then id).</param>
/// <param name="Tellings">Every sentence the first time the story says it, in story order; what's new since a time or an article is read from these.</param>
public sealed record StoryView(
    string StoryId,
    long Sequence,
    string Language,
    IReadOnlyList<BriefSentence> Brief,
    IReadOnlyList<TimelineEvent> Timeline,
    IReadOnlyList<QuantityDisagreement> Disagreements,
    IReadOnlyList<string> ArticleIds,
    IReadOnlyList<StoryTelling> Tellings)
{
    /// <summary>
    /// The entities linked across all the story's articles (<see cref="ArticleIds"/>, in that order), in the order the story
    /// first named them (<see cref="StoryEntities.FirstNamed"/>); null in a view stored before views kept them.
    /// </summary>
    /// <remarks>Kept so that reading a story does not link every article again (it was a quarter of a story read's CPU), and
    /// in first-named order so that the next article can be linked from this state alone.</remarks>
    public IReadOnlyList<StoryEntity>? Entities { get; init; }

    /// <summary>Sentences of articles published after <paramref name="since"/> that no article published up to then says.</summary>
    public IReadOnlyList<StoryTelling> NewSince(DateTimeOffset since) =>
        [.. Tellings.Where(t => t.Published is not { } published || published > since)];

    /// <summary>Sentences of the articles after <paramref name="articleId"/> in the story that neither it nor any earlier article says; null when the article is not in the story.</summary>
    public IReadOnlyList<StoryTelling>? NewSinceArticle(string articleId)
    {
        var order = -1;
        for (var k = 0; k < ArticleIds.Count; k++)
        {
            if (string.Equals(ArticleIds[k], articleId, StringComparison.Ordinal)) order = k;
        }
        if (order < 0) return null;
        return [.. Tellings.Where(t => t.ArticleOrder > order)];
    }
}
