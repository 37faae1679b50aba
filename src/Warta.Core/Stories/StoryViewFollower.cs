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

    private readonly Dictionary<string, StoryArticleAnalysis> _analyses = new(StringComparer.Ordinal);
    private readonly Queue<string> _analysedOrder = new();
    private readonly Lock _analysesLock = new();

    /// <summary>How a story's view is built.</summary>
    public StoryViewBuilder Builder { get; init; } = new();

    /// <summary>Article analyses (<see cref="StoryViewBuilder.Analyze"/>) kept between updates, the oldest let go first beyond this many.</summary>
    /// <remarks>An article is stored once and never changed (a revision is a new article), so its analysis stays right until it
    /// is deleted. With them, an article joining a story of 50 costs reading and analysing that article alone, not all 51. An
    /// analysis takes about 10 KB per 1,000 characters of body (13.4 KB for the sample corpus' articles of 1,280), so 2,048 of
    /// them about 30 MB; a view uses at most <see cref="StoryViewBuilder.MaxArticles"/>.</remarks>
    public int MaxKeptAnalyses { get; init; } = 2048;

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
                if (change.Kind == StoreChangeKind.ArticleDeleted) Forget(change.ArticleId);
            }
            last = batch[^1].Sequence;
            if (batch.Count < ChangesPerRead) break;
        }
        if (last == since) return;
        // Built and saved a chunk of stories at a time, so memory holds a chunk's views however many stories the changes
        // touched (a bulk load catches up thousands of articles at once). Only the last chunk moves the views' position:
        // after a crash in between, the next catch-up builds them all again.
        var ordered = touched.Order(StringComparer.Ordinal).ToList();
        for (var at = 0; at < ordered.Count || at == 0; at += StoriesPerSave)
        {
            var chunk = ordered.Skip(at).Take(StoriesPerSave).ToList();
            var isLast = at + StoriesPerSave >= ordered.Count;
            await views.SaveStoryViewsAsync(await BuildAsync(chunk, last, cancellationToken).ConfigureAwait(false), isLast ? last : since, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Story views built and saved together at most, in one catch-up.</summary>
    private const int StoriesPerSave = 64;

    /// <summary>The views of <paramref name="storyIds"/> as the store holds them now, reflecting change <paramref name="sequence"/>.</summary>
    /// <remarks>
    /// A story's members (ids in publication order) are listed without their text and only those of the at most
    /// <see cref="StoryViewBuilder.MaxArticles"/> articles the builder uses whose analyses are not kept are read: stories grow to
    /// thousands of reports, and reading all of them for each commit made an ingest's memory and time grow with its stories.
    /// The view is built whole from the analyses, so it is the view built from the articles (<c>StoryViewIncrementalTests</c>).
    /// </remarks>
    public async Task<IReadOnlyList<StoryView>> BuildAsync(IEnumerable<string> storyIds, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyIds);
        var built = new List<StoryView>();
        foreach (var id in storyIds.Order(StringComparer.Ordinal))
        {
            if (await stories.GetStoryAsync(id, cancellationToken).ConfigureAwait(false) is null) continue;
            // Only the story's own merges: every merge of the store per catch-up grew with the store.
            var merges = (await stories.ListMergesOfAsync(id, cancellationToken).ConfigureAwait(false)).ToLookup(static m => m.IntoStoryId, StringComparer.Ordinal);
            var members = await stories.ListStoryMembersAsync(StoryQueries.WithMerged(id, merges), cancellationToken).ConfigureAwait(false);
            var (sample, read) = await AnalysesAsync(StoryViewBuilder.SampleIds(members), cancellationToken).ConfigureAwait(false);
            var previous = await views.GetStoryViewAsync(id, cancellationToken).ConfigureAwait(false);
            var entities = await LinkAsync(members, read, previous, cancellationToken).ConfigureAwait(false);
            built.Add(Builder.Build(id, members, sample, sequence) with { Entities = entities });
        }
        return built;
    }

    /// <summary>Lets go of the kept analysis of <paramref name="articleId"/> (a deleted article).</summary>
    public void Forget(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        lock (_analysesLock) _analyses.Remove(articleId);
    }

    /// <summary>The analyses of <paramref name="ids"/>: those kept, and those of the articles read now (which are returned too, for linking).</summary>
    private async Task<(List<StoryArticleAnalysis> Analyses, Dictionary<string, Article> Read)> AnalysesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoryArticleAnalysis>(StringComparer.Ordinal);
        var missing = new List<string>();
        lock (_analysesLock)
        {
            foreach (var id in ids)
            {
                if (_analyses.TryGetValue(id, out var kept)) found[id] = kept;
                else missing.Add(id);
            }
        }
        var read = new Dictionary<string, Article>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            foreach (var article in await articles.GetArticlesAsync(missing, cancellationToken).ConfigureAwait(false))
            {
                if (!read.TryAdd(article.Id, article)) continue;
                var analysis = StoryViewBuilder.Analyze(article);
                found[article.Id] = analysis;
                Keep(analysis);
            }
        }
        return ([.. ids.Select(id => found.GetValueOrDefault(id)).OfType<StoryArticleAnalysis>()], read);
    }

    private void Keep(StoryArticleAnalysis analysis)
    {
        lock (_analysesLock)
        {
            if (MaxKeptAnalyses <= 0 || !_analyses.TryAdd(analysis.ArticleId, analysis)) return;
            _analysedOrder.Enqueue(analysis.ArticleId);
            // The queue may name articles forgotten since; they are skipped as they come out.
            while (_analyses.Count > MaxKeptAnalyses && _analysedOrder.TryDequeue(out var oldest)) _analyses.Remove(oldest);
            if (_analysedOrder.Count > 2 * MaxKeptAnalyses) Compact();
        }
    }

    /// <summary>Drops from the order the articles no longer kept, so that forgetting many does not grow it without bound.</summary>
    private void Compact()
    {
        var kept = _analysedOrder.Where(_analyses.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        _analysedOrder.Clear();
        foreach (var id in kept) _analysedOrder.Enqueue(id);
    }

    /// <summary>Articles read at a time when a story's entities are linked again from its first article.</summary>
    private const int LinkChunk = 256;

    /// <summary>
    /// The story's entities linked across <paramref name="members"/> in story order, as <see cref="StoryQueries.GetAsync"/>
    /// links them: from the <paramref name="previous"/> view's state when its articles are the first members (articles
    /// that arrived in publication order only add to a story), else from the first article.
    /// </summary>
    /// <remarks>The articles not in <paramref name="read"/> (read for their analyses) are read a chunk at a time and let go,
    /// so a story of thousands of reports is linked in bounded memory.</remarks>
    private async Task<IReadOnlyList<StoryEntity>> LinkAsync(
        IReadOnlyList<StoryMember> members, Dictionary<string, Article> read, StoryView? previous, CancellationToken cancellationToken)
    {
        var start = 0;
        var state = new StoryEntities();
        if (previous?.Entities is { } known && StartsWith(members, previous.ArticleIds))
        {
            state = StoryEntities.Restore(known);
            start = previous.ArticleIds.Count;
        }
        var byId = read;
        for (var at = start; at < members.Count; at += LinkChunk)
        {
            var chunk = members.Skip(at).Take(LinkChunk).Select(static m => m.ArticleId).ToList();
            var chunkRead = new Dictionary<string, Article>(StringComparer.Ordinal);
            var missing = chunk.Where(a => !byId.ContainsKey(a)).ToList();
            if (missing.Count > 0)
            {
                foreach (var article in await articles.GetArticlesAsync(missing, cancellationToken).ConfigureAwait(false)) chunkRead.TryAdd(article.Id, article);
            }
            foreach (var articleId in chunk)
            {
                if (!byId.TryGetValue(articleId, out var article) && !chunkRead.TryGetValue(articleId, out article)) continue;
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
