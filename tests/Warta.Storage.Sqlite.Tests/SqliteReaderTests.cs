using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Sqlite.Tests;

public sealed class SqliteReaderTests : ReaderContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<SqliteStore> _stores = [];

    protected override (IArticleReader Articles, IStoryReader Stories) Open(IReadOnlyList<Article> articles, params StoryBatch[] batches)
    {
        var store = new SqliteStore(_folder.File(Guid.NewGuid().ToString("N") + ".db"));
        _stores.Add(store);
        store.TryAddRange(articles);
        foreach (var batch in batches) store.CommitAsync(new PlacementBatch([], batch.Assignments, batch.Stories, batch.Merges)).GetAwaiter().GetResult();
        return (store, store);
    }

    [Fact]
    public async Task Should_list_only_a_story_s_own_merges_not_every_merge_in_the_store()
    {
        var story = static (string id) => new Story(id, "Banjir " + id, 1, ["tirto.id"], null, null);
        var (_, reader) = Open(
            [SampleArticles.Make("a1"), SampleArticles.Make("e1")],
            new StoryBatch([], [story("a"), story("b"), story("e"), story("x")], [new StoryMerge("b", "a", "a1", 0.8), new StoryMerge("e", "x", "e1", 0.6)]));

        Assert.Equal([new StoryMerge("b", "a", "a1", 0.8)], await reader.ListMergesOfAsync("b", TestContext.Current.CancellationToken));
        Assert.Equal([new StoryMerge("e", "x", "e1", 0.6)], await reader.ListMergesOfAsync("x", TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        _folder.Dispose();
    }
}
