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
            built.Add(Builder.Build(id, members, sample, sequence));
        }
        return built;
    }

    public void Dispose()
    {
    }
}
