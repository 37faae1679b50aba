using System.Text;
using Warta.Core.Ingestion;
using Warta.Core.Stories;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Warta.Web.Api;
using Xunit;

namespace Warta.Web.Tests.Api;

public sealed class EntityListCacheTests
{
    [Fact]
    public async Task Should_link_the_entities_once_per_store_change_and_again_after_a_write()
    {
        using var folder = new TempFolder();
        var path = folder.File("warta.db");
        await CorpusStore.IngestAsync(path, folder.Path);
        using var cache = new EntityListCache();

        IReadOnlyList<EntityInStories> first, second;
        using (var store = SqliteStore.OpenForReading(path))
        {
            first = await cache.GetAsync(store, TestContext.Current.CancellationToken);
            second = await cache.GetAsync(store, TestContext.Current.CancellationToken);
            var direct = await new StoryQueries(store, store).EntitiesAsync(TestContext.Current.CancellationToken);
            Assert.NotEmpty(direct);
            Assert.Equal(direct.Select(static e => e.Entity.EntityId), first.Select(static e => e.Entity.EntityId));
        }
        Assert.Same(first, second);

        var record = """{"title":"Tim SAR Lamaru Temukan Korban Banjir Terakhir","text":"BALIKPAPAN - Tim SAR gabungan menemukan korban terakhir banjir di Lamaru pada Jumat pagi. Kepala Basarnas Balikpapan, Dodi Rahmat, mengatakan pencarian resmi ditutup.","published":"2025-09-06T08:00:00+08:00","outlet":"kaltimpost.id"}""";
        await CorpusStore.IngestAsync(path, folder.Path, new RawDocument("sar.jsonl", Encoding.UTF8.GetBytes(record + "\n")));
        using (var store = SqliteStore.OpenForReading(path))
        {
            var after = await cache.GetAsync(store, TestContext.Current.CancellationToken);
            Assert.NotSame(first, after);
            var direct = await new StoryQueries(store, store).EntitiesAsync(TestContext.Current.CancellationToken);
            Assert.Equal(direct.Select(static e => (e.Entity.EntityId, e.Stories.Count)), after.Select(static e => (e.Entity.EntityId, e.Stories.Count)));
        }
    }
}
