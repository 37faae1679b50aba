using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Text;

namespace Warta.Core.Pipeline;

/// <summary>Places stored articles that have no story yet, in publication order, and records the outcome in the story store.</summary>
/// <remarks>
/// The clusterer continues from the checkpoint stored with the last batch when that checkpoint reflects exactly the
/// placed articles (same count, its last article placed), has this build's snapshot format and was made under the same
/// options; then only the new articles are analysed and clustered. Otherwise (first run, other options, a damaged or
/// older snapshot, placements written without one) the working set is rebuilt by replaying every placed article in
/// publication order, as before checkpoints existed. A replay bounded to the idle window is not enough: the term
/// statistics span the whole stream, and such a replay gave different stories. The new assignments are saved together
/// with the new checkpoint in one transaction. Placed articles never move, and an article published before the
/// checkpoint's clock is placed as the clusterer places any late arrival. A replay orders the placed articles by time,
/// so after late arrivals it can differ from what the runs did; the checkpoint keeps what they did.
/// </remarks>
public sealed class StoryUpdater(ITextAnalyzer analyzer, StoryClustererOptions? options = null)
{
    private readonly string _fingerprint = StoryClusterer.OptionsFingerprint(options);

    /// <summary>Places every unplaced article and saves a checkpoint with the assignments.</summary>
    public StoryUpdate Update(IArticleStore articles, IStoryStore stories)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(stories);
        var unplaced = stories.ListUnplaced();
        if (unplaced.Count == 0) return new StoryUpdate(0, 0, Restored: false);

        var placedCount = stories.CountPlaced();
        var clusterer = TryRestore(stories, placedCount);
        var restored = clusterer is not null;
        List<Article> fresh;
        if (clusterer is null)
        {
            clusterer = new StoryClusterer(options);
            var isFresh = unplaced.Select(static a => a.Id).ToHashSet(StringComparer.Ordinal);
            var all = StreamOrder.Sort(articles.List());
            foreach (var article in all)
            {
                if (!isFresh.Contains(article.Id)) Place(clusterer, article);
            }
            fresh = [.. all.Where(a => isFresh.Contains(a.Id))];
        }
        else
        {
            fresh = InStreamOrder(unplaced, clusterer.StreamTime);
        }

        var assignments = new List<StoryAssignment>(fresh.Count);
        var changed = new Dictionary<string, Story>(StringComparer.Ordinal);
        var merges = new List<StoryMerge>();
        foreach (var article in fresh)
        {
            var result = Place(clusterer, article);
            assignments.Add(result.Assignment);
            foreach (var story in result.ChangedStories) changed[story.Id] = story;
            merges.AddRange(result.Merges);
        }
        var checkpoint = new ClustererCheckpoint(
            StoryClusterer.SnapshotFormatVersion, _fingerprint, placedCount + assignments.Count, fresh[^1].Id, clusterer.CreateSnapshot());
        stories.SaveBatch(assignments, [.. changed.Values], merges, checkpoint);
        return new StoryUpdate(assignments.Count, restored ? 0 : placedCount, restored);
    }

    /// <summary>The clusterer of the stored checkpoint, or null when there is none that reflects exactly the placed articles.</summary>
    private StoryClusterer? TryRestore(IStoryStore stories, int placedCount)
    {
        if (stories.GetCheckpoint() is not { } checkpoint
            || checkpoint.FormatVersion != StoryClusterer.SnapshotFormatVersion
            || checkpoint.OptionsFingerprint != _fingerprint
            || checkpoint.ArticleCount != placedCount
            || stories.GetAssignment(checkpoint.LastArticleId) is null)
        {
            return null;
        }
        try
        {
            return StoryClusterer.Restore(checkpoint.Snapshot, options);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The order a replay of all stored articles gives the unplaced ones (see <see cref="StreamOrder.Sort"/>).</summary>
    /// <remarks>
    /// There an undated article takes the latest time of all stored articles, which the clock of a clusterer that has
    /// seen the placed ones holds; so it sorts among the unplaced ones at that time, by id.
    /// </remarks>
    private static List<Article> InStreamOrder(IReadOnlyList<Article> unplaced, DateTimeOffset? clock)
    {
        var latest = clock?.UtcTicks ?? long.MinValue;
        foreach (var article in unplaced)
        {
            if (article.Published is { } p && p.Value.UtcTicks > latest) latest = p.Value.UtcTicks;
        }
        return [.. unplaced
            .OrderBy(a => a.Published?.Value.UtcTicks ?? latest)
            .ThenBy(static a => a.Id, StringComparer.Ordinal)];
    }

    private ClusteringResult Place(StoryClusterer clusterer, Article article)
    {
        var tokens = ArticleTokens.Of(article);
        return clusterer.Add(article, analyzer.Analyze(tokens.Title, article.Language), analyzer.Analyze(tokens.Body, article.Language));
    }
}
