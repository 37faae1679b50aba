using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Testing;

namespace Warta.Core.Tests.Storage;

/// <summary>The query tests' stores must read as the durable ones do, or those tests would prove nothing.</summary>
public sealed class InMemoryReaderTests : ReaderContract
{
    protected override (IArticleReader Articles, IStoryReader Stories) Open(IReadOnlyList<Article> articles, params StoryBatch[] batches)
    {
        var articleStore = new InMemoryArticleStore();
        articleStore.TryAddRange(articles);
        var storyStore = new InMemoryStoryStore(articleStore);
        foreach (var batch in batches) storyStore.SaveBatch(batch.Assignments, batch.Stories, batch.Merges);
        return (articleStore, storyStore);
    }
}
