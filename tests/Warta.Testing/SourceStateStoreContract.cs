using Warta.Core.Storage;
using Xunit;

namespace Warta.Testing;

/// <summary>Behaviour every store of followed sources must show (<see cref="ISourceStateStore"/>: what <c>warta watch</c> must not forget).</summary>
public abstract class SourceStateStoreContract<TStore>
    where TStore : ISourceStateStore, IDisposable
{
    private static readonly DateTimeOffset Morning = new(2025, 3, 4, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens (creating when absent) the store called <paramref name="name"/>; opening the same name again is a reopen.</summary>
    protected abstract TStore Open(string name);

    private static SeenItem Page(string key, string articleId, int revision = 1, string source = "kabarnusa", DateTimeOffset? firstSeen = null, DateTimeOffset? fetched = null) =>
        new(key, source, $"https://{source}.id/{key}", articleId, revision, firstSeen ?? Morning, fetched ?? Morning);

    [Fact]
    public async Task Should_keep_source_and_feed_state_across_a_reopen_and_replace_them_on_save()
    {
        using (var store = Open("state"))
        {
            await store.SaveSourceStateAsync(new SourceState("kabarnusa", Morning, TimeSpan.FromMinutes(15)), Ct);
            await store.SaveSourceStateAsync(new SourceState("kabarnusa", Morning.AddMinutes(15), TimeSpan.FromMinutes(30)), Ct);
            await store.SaveFeedStateAsync(new FeedState("kabarnusa", "https://kabarnusa.id/rss", "\"v1\"", Morning, null), Ct);
            await store.SaveFeedStateAsync(new FeedState("kabarnusa", "https://kabarnusa.id/rss", null, null, "HTTP 503 Service Unavailable"), Ct);
        }

        using var again = Open("state");

        Assert.Equal(new SourceState("kabarnusa", Morning.AddMinutes(15), TimeSpan.FromMinutes(30)), await again.FindSourceStateAsync("kabarnusa", Ct));
        Assert.Null(await again.FindSourceStateAsync("antarprov", Ct));
        Assert.Equal(new FeedState("kabarnusa", "https://kabarnusa.id/rss", null, null, "HTTP 503 Service Unavailable"),
            await again.FindFeedStateAsync("kabarnusa", "https://kabarnusa.id/rss", Ct));
        Assert.Null(await again.FindFeedStateAsync("kabarnusa", "https://kabarnusa.id/sitemap.xml", Ct));
    }

    [Fact]
    public async Task Should_keep_every_revision_of_a_page_and_mark_the_earlier_article_superseded_by_the_latest()
    {
        using var store = Open("revisions");
        var first = Page("banjir-lamaru", "a1") with { ETag = "\"r1\"", LastModified = Morning };
        var second = Page("banjir-lamaru", "a2", revision: 2, fetched: Morning.AddHours(2));

        await store.SaveSeenAsync(first, new ArticleRevision("banjir-lamaru", 1, "a1", "Banjir Lamaru Rendam 12 Desa", Morning), Ct);
        await store.SaveSeenAsync(second, new ArticleRevision("banjir-lamaru", 2, "a2", "Banjir Lamaru Rendam 14 Desa, Ribuan Warga Mengungsi", Morning.AddHours(2)), Ct);
        await store.SaveSeenAsync(second, new ArticleRevision("banjir-lamaru", 2, "a2", "ditulis ulang", Morning.AddHours(3)), Ct);

        Assert.Equal(second, await store.FindSeenAsync("banjir-lamaru", Ct));
        Assert.Null(await store.FindSeenAsync("longsor-seruni", Ct));
        var revisions = await store.RevisionsOfAsync("a1", Ct);
        Assert.Equal(["Banjir Lamaru Rendam 12 Desa", "Banjir Lamaru Rendam 14 Desa, Ribuan Warga Mengungsi"], revisions.Select(static r => r.Title));
        Assert.Equal(revisions, await store.RevisionsOfAsync("a2", Ct));
        Assert.Empty(await store.RevisionsOfAsync("a3", Ct));
        var standing = await store.StandingOfAsync(["a1", "a2", "a3"], Ct);
        Assert.Equal(["a1"], standing.Keys);
        Assert.Equal(new ArticleStanding("a1", null, "a2"), standing["a1"]);
    }

    [Fact]
    public async Task Should_keep_the_first_withdrawal_of_an_article_and_count_withdrawn_pages()
    {
        using var store = Open("withdrawn");
        await store.SaveSeenAsync(Page("pengungsi-ambalang", "b1") with { Retracted = Morning.AddDays(1) }, null, Ct);
        await store.SaveSeenAsync(Page("tanggul-jebol", "b2"), null, Ct);

        await store.SaveRetractionAsync(new ArticleRetraction("b1", Morning.AddDays(1), "HTTP 410 Gone"), Ct);
        await store.SaveRetractionAsync(new ArticleRetraction("b1", Morning.AddDays(2), "HTTP 404 Not Found"), Ct);

        Assert.Equal(new ArticleRetraction("b1", Morning.AddDays(1), "HTTP 410 Gone"), await store.FindRetractionAsync("b1", Ct));
        Assert.Null(await store.FindRetractionAsync("b2", Ct));
        Assert.Equal(new ArticleStanding("b1", new ArticleRetraction("b1", Morning.AddDays(1), "HTTP 410 Gone"), null), (await store.StandingOfAsync(["b1", "b2"], Ct))["b1"]);
        Assert.Empty(await store.StandingOfAsync([], Ct));
        Assert.Equal((2, 1), await store.CountSeenAsync(Ct));
    }

    [Fact]
    public async Task Should_list_a_sources_pages_due_for_a_recheck_least_recently_fetched_first()
    {
        using var store = Open("recheck");
        await store.SaveSeenAsync(Page("p-late", "c1", fetched: Morning.AddHours(3)), null, Ct);
        await store.SaveSeenAsync(Page("p-early", "c2", fetched: Morning.AddHours(1)), null, Ct);
        await store.SaveSeenAsync(Page("p-fresh", "c3", fetched: Morning.AddHours(9)), null, Ct);
        await store.SaveSeenAsync(Page("p-old", "c4", firstSeen: Morning.AddDays(-10), fetched: Morning), null, Ct);
        await store.SaveSeenAsync(Page("p-gone", "c5", fetched: Morning) with { Retracted = Morning.AddHours(1) }, null, Ct);
        await store.SaveSeenAsync(Page("p-failed", "", fetched: Morning), null, Ct);
        await store.SaveSeenAsync(Page("p-other", "c6", source: "antarprov", fetched: Morning), null, Ct);

        var due = await store.ListRecheckDueAsync("kabarnusa", Morning.AddDays(-1), Morning.AddHours(6), 10, Ct);
        var first = await store.ListRecheckDueAsync("kabarnusa", Morning.AddDays(-1), Morning.AddHours(6), 1, Ct);

        Assert.Equal(["p-early", "p-late"], due.Select(static p => p.Key));
        Assert.Equal(["p-early"], first.Select(static p => p.Key));
    }
}
