using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Web.Api;

/// <summary>Story and article reads on a store lent by the <see cref="ReadStorePool"/> for each call: what a process-wide search
/// index looks story headlines and snippets' article texts up in.</summary>
internal sealed class PooledStoreReader(ReadStorePool stores) : IStoryReader, IArticleReader
{
    public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.GetArticleAsync(id, cancellationToken));

    public Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.GetArticlesAsync(ids, cancellationToken));

    public Task<IReadOnlyList<Article>> GetArticleHeadsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.GetArticleHeadsAsync(ids, cancellationToken));

    public Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.FindArticleIdsAsync(prefix, limit, cancellationToken));

    public Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.ListArticlesAsync(page, cancellationToken));

    public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.CountArticlesAsync(cancellationToken));

    public Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.GetStoryAsync(id, cancellationToken));

    public Task<Page<Story>> ListStoriesAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.ListStoriesAsync(page, cancellationToken));

    public Task<Page<Story>> ListCurrentStoriesAsync(PageRequest page, StoryListOrder order, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.ListCurrentStoriesAsync(page, order, cancellationToken));

    public Task<IReadOnlyList<StoryAssignment>> GetAssignmentsAsync(string storyId, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.GetAssignmentsAsync(storyId, cancellationToken));

    public Task<IReadOnlyList<StoryMember>> ListStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.ListStoryMembersAsync(storyIds, cancellationToken));

    public Task<StoryAssignment?> GetAssignmentAsync(string articleId, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.GetAssignmentAsync(articleId, cancellationToken));

    public Task<IReadOnlyList<StoryMerge>> ListMergesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.ListMergesAsync(cancellationToken));

    public Task<IReadOnlyList<StoryMerge>> ListMergesOfAsync(string storyId, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.ListMergesOfAsync(storyId, cancellationToken));

    public Task<IReadOnlyList<string>> FindCurrentStoryIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync(store => store.FindCurrentStoryIdsAsync(prefix, limit, cancellationToken));

    /// <summary>One read on a rented store, given back when the read is done.</summary>
    private async Task<T> ReadAsync<T>(Func<IWartaStore, Task<T>> read)
    {
        using var lease = stores.Rent();
        return await read(lease.Store).ConfigureAwait(false);
    }
}
