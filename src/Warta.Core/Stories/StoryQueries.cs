using Warta.Core.Entities;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Stories;

/// <summary>Read-side story queries shared by the CLI and a future API: current stories, one story, entities across stories.</summary>
/// <remarks>
/// A story absorbed by a merge is folded into the story that absorbed it: it is not listed, and its articles show in
/// the absorbing story. Its id still resolves exactly (a merge record keeps it meaningful).
/// </remarks>
public sealed class StoryQueries(IArticleReader articles, IStoryReader stories)
{
    private readonly IStoryViewStore? _views;

    /// <summary>Queries that also read the stored story views: <see cref="GetAsync"/> then takes a story's entities from its
    /// view when the view reflects the story's articles, instead of linking every article again.</summary>
    public StoryQueries(IArticleReader articles, IStoryReader stories, IStoryViewStore views)
        : this(articles, stories)
    {
        ArgumentNullException.ThrowIfNull(views);
        _views = views;
    }

    /// <summary>Stories not absorbed by a merge, in the store's order (most recently updated first, then id).</summary>
    public async Task<IReadOnlyList<Story>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var merges = await stories.ListMergesAsync(cancellationToken).ConfigureAwait(false);
        var absorbed = merges.Select(static m => m.FromStoryId).ToHashSet(StringComparer.Ordinal);
        var all = await stories.ListStoriesAsync(PageRequest.All, cancellationToken).ConfigureAwait(false);
        return [.. all.Items.Where(s => !absorbed.Contains(s.Id))];
    }

    /// <summary>A page of the current stories in <paramref name="order"/> (<see cref="StoryListOrder.Updated"/> is <see cref="CurrentAsync"/>'s
    /// order, <see cref="StoryListOrder.FirstPublished"/> <see cref="TimelineAsync"/>'s), with how many there are, read as a page from the store.</summary>
    public Task<Page<Story>> CurrentPageAsync(PageRequest page, StoryListOrder order, CancellationToken cancellationToken = default) =>
        stories.ListCurrentStoriesAsync(page, order, cancellationToken);

    /// <summary>Current stories by first publication (undated last), then id: the order <c>warta stories</c> lists them in.</summary>
    public async Task<IReadOnlyList<Story>> TimelineAsync(CancellationToken cancellationToken = default) =>
        [.. (await CurrentAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(static s => s.FirstPublished ?? DateTimeOffset.MaxValue)
            .ThenBy(static s => s.Id, StringComparer.Ordinal)];

    /// <summary>The story with this id (absorbed ones too), else the one current story whose id starts with it.</summary>
    /// <remarks>The candidates of an ambiguous prefix are every current story it names, sorted by id (as articles' are), read
    /// as a range of the store's ids rather than by listing every story.</remarks>
    public async Task<IdResolution<Story>> ResolveAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        if (await stories.GetStoryAsync(idOrPrefix, cancellationToken).ConfigureAwait(false) is { } exact) return IdResolution<Story>.Found(exact);
        var matches = await stories.FindCurrentStoryIdsAsync(idOrPrefix, int.MaxValue, cancellationToken).ConfigureAwait(false);
        if (matches.Count > 1) return IdResolution<Story>.Ambiguous(matches);
        if (matches.Count == 1 && await stories.GetStoryAsync(matches[0], cancellationToken).ConfigureAwait(false) is { } only)
        {
            return IdResolution<Story>.Found(only);
        }
        return IdResolution<Story>.NotFound;
    }

    /// <summary>The story by id or unique prefix with its articles and entities; not found or ambiguous as <see cref="ResolveAsync"/> says.</summary>
    public async Task<IdResolution<StoryDetail>> GetAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        var resolved = await ResolveAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        if (resolved.Value is not { } story) return new(resolved.Kind, null, resolved.Candidates);
        var merges = await stories.ListMergesOfAsync(story.Id, cancellationToken).ConfigureAwait(false);
        // The story's answer shows titles, times and annotations, never the text: the heads are read (a store skips the text).
        var storyArticles = await ArticlesAsync(story.Id, merges, heads: true, cancellationToken).ConfigureAwait(false);
        var view = _views is null ? null : await _views.GetStoryViewAsync(story.Id, cancellationToken).ConfigureAwait(false);
        // The view's entities are those of its articles. When they are the story's first articles (a view the writes since
        // have only added to: its follower runs after each commit), the rest are linked from that state; else, with no view
        // or one from before views kept entities, every article is linked.
        var entities = new StoryEntities();
        var from = 0;
        if (view?.Entities is { } linked && StartsWith(storyArticles, view.ArticleIds))
        {
            entities = StoryEntities.Restore(linked);
            from = view.ArticleIds.Count;
        }
        for (var k = from; k < storyArticles.Count; k++) entities.Add(LinkInStory(storyArticles[k].Article, entities));
        return IdResolution<StoryDetail>.Found(new StoryDetail(story, storyArticles, entities.Entities) { View = view });
    }

    /// <summary>Whether <paramref name="articleIds"/> are the first of <paramref name="storyArticles"/>, in this order.</summary>
    private static bool StartsWith(IReadOnlyList<StoryArticle> storyArticles, IReadOnlyList<string> articleIds)
    {
        if (articleIds.Count > storyArticles.Count) return false;
        for (var k = 0; k < articleIds.Count; k++)
        {
            if (!string.Equals(articleIds[k], storyArticles[k].Article.Id, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>The articles of the story with exactly this id (those of stories merged into it included), in publication order; null when there is no such story.</summary>
    public async Task<IReadOnlyList<StoryArticle>?> GetArticlesAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        if (await stories.GetStoryAsync(storyId, cancellationToken).ConfigureAwait(false) is null) return null;
        var merges = await stories.ListMergesOfAsync(storyId, cancellationToken).ConfigureAwait(false);
        return await ArticlesAsync(storyId, merges, heads: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entities of all current stories, each linked within its story, most mentioned first, with the stories they appear in.</summary>
    public async Task<IReadOnlyList<EntityInStories>> EntitiesAsync(CancellationToken cancellationToken = default)
    {
        var all = new StoryEntities();
        var storiesOf = new Dictionary<string, SortedDictionary<string, Story>>(StringComparer.Ordinal);
        var merges = await stories.ListMergesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var story in await CurrentAsync(cancellationToken).ConfigureAwait(false))
        {
            var perStory = new StoryEntities();
            foreach (var item in await ArticlesAsync(story.Id, merges, heads: true, cancellationToken).ConfigureAwait(false))
            {
                var linked = LinkInStory(item.Article, perStory);
                perStory.Add(linked);
                all.Add(linked);
                foreach (var mention in linked)
                {
                    if (!storiesOf.TryGetValue(mention.EntityId, out var set)) storiesOf[mention.EntityId] = set = new(StringComparer.Ordinal);
                    set[story.Id] = story;
                }
            }
        }
        return [.. all.Entities.Select(e => new EntityInStories(e, [.. storiesOf[e.EntityId].Values]))];
    }

    /// <summary>The entities whose name or one of whose aliases is <paramref name="nameOrAlias"/> (compared as the linker normalises names).</summary>
    public async Task<IReadOnlyList<EntityInStories>> FindEntityAsync(string nameOrAlias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        return FindEntity(await EntitiesAsync(cancellationToken).ConfigureAwait(false), nameOrAlias);
    }

    /// <summary>The entities of <paramref name="all"/> (as <see cref="EntitiesAsync"/> gives them) whose name or one of whose aliases is <paramref name="nameOrAlias"/>.</summary>
    public static IReadOnlyList<EntityInStories> FindEntity(IReadOnlyList<EntityInStories> all, string nameOrAlias)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        var wanted = EntityLinker.Normalise(nameOrAlias);
        bool Named(string name) => string.Equals(EntityLinker.Normalise(name), wanted, StringComparison.Ordinal);
        return [.. all.Where(e => Named(e.Entity.CanonicalName) || e.Entity.Aliases.Any(Named))];
    }

    /// <summary>
    /// Links an article's mentions against the entities its story has named so far, so that a later article's short
    /// form ("Kim") joins an earlier full name ("Kim Jong Un"), as the pipeline links within one article.
    /// </summary>
    private static IReadOnlyList<EntityMention> LinkInStory(Article article, StoryEntities story) =>
        EntityLinker.Link(article.Annotations.Entities, story);

    /// <summary>The story and every story merged into it, transitively (<paramref name="mergedInto"/>: the merges by the story that absorbed).</summary>
    internal static List<string> WithMerged(string storyId, ILookup<string, StoryMerge> mergedInto)
    {
        var ids = new List<string> { storyId };
        var seen = new HashSet<string>(StringComparer.Ordinal) { storyId };
        for (var i = 0; i < ids.Count; i++)
        {
            foreach (var merge in mergedInto[ids[i]])
            {
                if (seen.Add(merge.FromStoryId)) ids.Add(merge.FromStoryId);
            }
        }
        return ids;
    }

    /// <summary>
    /// The assignments of a story and of every story merged into it (transitively), with their articles read in one
    /// batch, in publication order of the articles (undated last), then id; without their text when <paramref name="heads"/>.
    /// </summary>
    private async Task<IReadOnlyList<StoryArticle>> ArticlesAsync(string storyId, IReadOnlyList<StoryMerge> merges, bool heads, CancellationToken cancellationToken)
    {
        var ids = WithMerged(storyId, merges.ToLookup(static m => m.IntoStoryId, StringComparer.Ordinal));
        var assignments = new List<StoryAssignment>();
        foreach (var id in ids) assignments.AddRange(await stories.GetAssignmentsAsync(id, cancellationToken).ConfigureAwait(false));
        IReadOnlyCollection<string> wanted = [.. assignments.Select(static a => a.ArticleId)];
        var read = heads
            ? await articles.GetArticleHeadsAsync(wanted, cancellationToken).ConfigureAwait(false)
            : await articles.GetArticlesAsync(wanted, cancellationToken).ConfigureAwait(false);
        var byId = read.ToDictionary(static a => a.Id, StringComparer.Ordinal);
        // Followed pages carry their outlet's withdrawals and later revisions (a store that follows no sources has neither).
        var standing = articles is ISourceStateStore following
            ? await following.StandingOfAsync([.. byId.Keys], cancellationToken).ConfigureAwait(false)
            : null;
        return [.. assignments
            .Where(a => byId.ContainsKey(a.ArticleId))
            .Select(a => standing?.GetValueOrDefault(a.ArticleId) is { } s
                ? new StoryArticle(a, byId[a.ArticleId]) { Withdrawal = s.Withdrawal, SupersededBy = s.SupersededBy }
                : new StoryArticle(a, byId[a.ArticleId]))
            .OrderBy(static p => p.Article.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(static p => p.Article.Id, StringComparer.Ordinal)];
    }
}
