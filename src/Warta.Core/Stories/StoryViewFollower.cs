using Warta.Core.Entities;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Stories;

/// <summary>Keeps the stored story views in step with the store: after each commit, rebuilds the views of the stories the new changes touched.</summary>
/// <remarks>
/// A placement or deletion touches its story; a merge touches the story that kept the articles (the absorbed one keeps its
/// own view, which is what its id still shows). Views are saved with the change sequence number they reflect in one
/// transaction, so a crash between the placer's commit and this one is made good by the next catch-up.
/// </remarks>
public sealed class StoryViewFollower(IChangeLog changes, IArticleReader articles, IStoryReader stories, IStoryViewStore views) : IChangeFollower
{
    private const int ChangesPerRead = 10_000;

    /// <summary>How a story's view is built.</summary>
    public StoryViewBuilder Builder { get; init; } = new();

    public string Name => "story views";

    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var since = await views.StoryViewSequenceAsync(cancellationToken).ConfigureAwait(false);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var last = since;
        while (true)
        {
            var batch = await changes.ChangesSinceAsync(last, ChangesPerRead, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0) break;
            foreach (var change in batch)
            {
                if (change.StoryId is { } story && change.Kind is StoreChangeKind.ArticlePlaced or StoreChangeKind.StoriesMerged or StoreChangeKind.ArticleDeleted or StoreChangeKind.StoryCorrected)
                {
                    touched.Add(story);
                }
                // A split or a move also changes the story the articles left.
                if (change.Kind == StoreChangeKind.StoryCorrected && change.FromStoryId is { } left) touched.Add(left);
            }
            last = batch[^1].Sequence;
            if (batch.Count < ChangesPerRead) break;
        }
        if (last == since) return;
        await views.SaveStoryViewsAsync(await BuildAsync(touched, last, cancellationToken).ConfigureAwait(false), last, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The views of <paramref name="storyIds"/> as the store holds them now, reflecting change <paramref name="sequence"/>.</summary>
    /// <remarks>
    /// A story's members (ids in publication order) are listed without their text and only the at most
    /// <see cref="StoryViewBuilder.MaxArticles"/> articles the builder uses are read: stories grow to thousands of reports,
    /// and reading all of them for each commit made an ingest's memory and time grow with its stories.
    /// </remarks>
    public async Task<IReadOnlyList<StoryView>> BuildAsync(IEnumerable<string> storyIds, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyIds);
        var merges = (await stories.ListMergesAsync(cancellationToken).ConfigureAwait(false)).ToLookup(static m => m.IntoStoryId, StringComparer.Ordinal);
        var built = new List<StoryView>();
        foreach (var id in storyIds.Order(StringComparer.Ordinal))
        {
            if (await stories.GetStoryAsync(id, cancellationToken).ConfigureAwait(false) is null) continue;
            var members = await stories.ListStoryMembersAsync(StoryQueries.WithMerged(id, merges), cancellationToken).ConfigureAwait(false);
            var sample = await articles.GetArticlesAsync(StoryViewBuilder.SampleIds(members), cancellationToken).ConfigureAwait(false);
            var previous = await views.GetStoryViewAsync(id, cancellationToken).ConfigureAwait(false);
            var entities = await LinkAsync(members, sample, previous, cancellationToken).ConfigureAwait(false);
            built.Add(Builder.Build(id, members, sample, sequence) with { Entities = entities });
        }
        return built;
    }

    /// <summary>Articles read at a time when a story's entities are linked again from its first article.</summary>
    private const int LinkChunk = 256;

    /// <summary>
    /// The story's entities linked across <paramref name="members"/> in story order, as <see cref="StoryQueries.GetAsync"/>
    /// links them: from the <paramref name="previous"/> view's state when its articles are the first members (articles
    /// that arrived in publication order only add to a story), else from the first article.
    /// </summary>
    /// <remarks>From the first article, the articles not in <paramref name="sample"/> are read a chunk at a time and let go,
    /// so a story of thousands of reports is linked in bounded memory.</remarks>
    private async Task<IReadOnlyList<StoryEntity>> LinkAsync(
        IReadOnlyList<StoryMember> members, IReadOnlyList<Article> sample, StoryView? previous, CancellationToken cancellationToken)
    {
        var start = 0;
        var state = new StoryEntities();
        if (previous?.Entities is { } known && StartsWith(members, previous.ArticleIds))
        {
            state = StoryEntities.Restore(known);
            start = previous.ArticleIds.Count;
        }
        var byId = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in sample) byId.TryAdd(article.Id, article);
        for (var at = start; at < members.Count; at += LinkChunk)
        {
            var chunk = members.Skip(at).Take(LinkChunk).Select(static m => m.ArticleId).ToList();
            var read = new Dictionary<string, Article>(StringComparer.Ordinal);
            var missing = chunk.Where(a => !byId.ContainsKey(a)).ToList();
            if (missing.Count > 0)
            {
                foreach (var article in await articles.GetArticlesAsync(missing, cancellationToken).ConfigureAwait(false)) read.TryAdd(article.Id, article);
            }
            foreach (var articleId in chunk)
            {
                if (!byId.TryGetValue(articleId, out var article) && !read.TryGetValue(articleId, out article)) continue;
                state.Add(EntityLinker.Link(article.Annotations.Entities, state));
            }
        }
        return state.FirstNamed;
    }

    private static bool StartsWith(IReadOnlyList<StoryMember> members, IReadOnlyList<string> articleIds)
    {
        if (articleIds.Count > members.Count) return false;
        for (var k = 0; k < articleIds.Count; k++)
        {
            if (!string.Equals(members[k].ArticleId, articleIds[k], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public void Dispose()
    {
    }
}
