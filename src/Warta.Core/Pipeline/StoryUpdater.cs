using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Text;

namespace Warta.Core.Pipeline;

/// <summary>Places stored articles that have no story yet, in publication order, and records the outcome in the story store.</summary>
/// <remarks>
/// The clusterer's working set is rebuilt by replaying the already-placed articles first (their stored assignments stay
/// as they are: an article never moves), then the new ones are placed. Replay costs one pass over the stored articles
/// per run; a persisted working set would remove it.
/// </remarks>
public sealed class StoryUpdater(ITextAnalyzer analyzer, StoryClustererOptions? options = null)
{
    /// <summary>Places every unplaced article; returns how many were placed.</summary>
    public int Update(IArticleStore articles, IStoryStore stories)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(stories);
        var all = StreamOrder.Sort(articles.List());
        var clusterer = new StoryClusterer(options);
        var placed = new List<Article>();
        var fresh = new List<Article>();
        foreach (var article in all)
        {
            (stories.GetAssignment(article.Id) is null ? fresh : placed).Add(article);
        }
        foreach (var article in placed) Place(clusterer, article);

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
        if (assignments.Count > 0) stories.SaveBatch(assignments, [.. changed.Values], merges);
        return assignments.Count;
    }

    private ClusteringResult Place(StoryClusterer clusterer, Article article) =>
        clusterer.Add(article, analyzer.Analyze(article.Title, article.Language), analyzer.Analyze(article.Body, article.Language));
}
