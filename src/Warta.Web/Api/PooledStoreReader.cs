using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Web.Api;

/// <summary>Story and article reads on a store lent by the <see cref="ReadStorePool"/> for each call: what a process-wide search
/// index looks story headlines and snippets' article texts up in.</summary>
internal sealed class PooledStoreReader(ReadStorePool stores) : IStoryReader, IArticleReader
{
    public async Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.GetArticleAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.GetArticlesAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Article>> GetArticleHeadsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.GetArticleHeadsAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.FindArticleIdsAsync(prefix, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.ListArticlesAsync(page, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountArticlesAsync(CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.CountArticlesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.GetStoryAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<Story>> ListStoriesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.ListStoriesAsync(page, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<Story>> ListCurrentStoriesAsync(PageRequest page, StoryListOrder order, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.ListCurrentStoriesAsync(page, order, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoryAssignment>> GetAssignmentsAsync(string storyId, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.GetAssignmentsAsync(storyId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoryMember>> ListStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.ListStoryMembersAsync(storyIds, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoryAssignment?> GetAssignmentAsync(string articleId, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.GetAssignmentAsync(articleId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoryMerge>> ListMergesAsync(CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.ListMergesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoryMerge>> ListMergesOfAsync(string storyId, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.ListMergesOfAsync(storyId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> FindCurrentStoryIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        using var lease = stores.Rent();
        return await lease.Store.FindCurrentStoryIdsAsync(prefix, limit, cancellationToken).ConfigureAwait(false);
    }
}
