using System.Globalization;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Stories;

/// <summary>A view updated by a follower that keeps its article analyses between commits is the view built again from the articles.</summary>
public sealed class StoryViewIncrementalTests
{
    private static readonly DateTimeOffset Start = new(2025, 2, 24, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Should_update_every_sample_corpus_story_to_the_view_rebuilt_from_its_articles()
    {
        var stories = StoryViewBuilderTests.Stories(SampleCorpus.Folder, SampleCorpus.Articles());
        Assert.True(stories.Count >= 8, $"only {stories.Count} stories");
        foreach (var (key, articles) in stories)
        {
            // In publication order, then the latest first (each arrival before the others: the story is linked again from its first article).
            var ordered = articles.OrderBy(static a => a.Published?.Value ?? DateTimeOffset.MaxValue).ThenBy(static a => a.Id, StringComparer.Ordinal).ToList();
            await AssertUpdatesMatchRebuildAsync(key, ordered);
            await AssertUpdatesMatchRebuildAsync(key, [.. Enumerable.Reverse(ordered)]);
        }
    }

    [Fact]
    public async Task Should_update_a_50_article_story_to_the_view_rebuilt_from_its_articles_when_one_joins()
    {
        var corpus = SampleCorpus.Articles().Where(static a => a.Language == "id").ToList();
        var articles = Enumerable.Range(0, 51).Select(i => corpus[i % corpus.Count] with
        {
            Id = "gen-" + i.ToString("D3", CultureInfo.InvariantCulture),
            // Hours apart, the joining one (50) among the first day's reports: placed before articles the view already has.
            Published = new PublicationTime(Start.AddHours(i == 50 ? 3.5 : i), TimePrecision.Minute),
        }).ToList();

        var view = await AssertUpdatesMatchRebuildAsync("s-gen", articles, batchAllBut: 1);

        Assert.Equal(51, view.ArticleIds.Count);
        Assert.Equal("gen-050", view.ArticleIds[4]);
        Assert.NotEmpty(view.Brief);
        Assert.NotEmpty(view.Timeline);
    }

    [Fact]
    public async Task Should_read_only_the_joining_article_once_the_others_are_analysed()
    {
        var ct = TestContext.Current.CancellationToken;
        var articles = SampleCorpus.Articles().Where(static a => a.Language == "id").Take(6).Select((a, i) => a with
        {
            Id = "r-" + i.ToString(CultureInfo.InvariantCulture),
            Published = new PublicationTime(Start.AddHours(i), TimePrecision.Minute),
        }).ToList();
        using var store = new StoryFixture();
        var reads = new CountingArticleReader(store.Articles);
        using var follower = new StoryViewFollower(store, reads, store.Stories, store.Views);
        store.Place("s-r", articles[..5]);
        await follower.CatchUpAsync(ct);
        var before = reads.IdsRead;

        store.Place("s-r", articles[5..]);
        await follower.CatchUpAsync(ct);

        Assert.Equal(1, reads.IdsRead - before);
        Assert.Equal(6, store.Views.Saved[^1].ArticleIds.Count);
    }

    [Fact]
    public async Task Should_let_go_of_an_analysis_when_its_article_is_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var kept = SampleCorpus.Articles().First(static a => a.Language == "id") with { Id = "d-1", Published = new PublicationTime(Start, TimePrecision.Minute) };
        var deleted = kept with { Id = "d-2", Published = new PublicationTime(Start.AddHours(1), TimePrecision.Minute) };
        using var store = new StoryFixture();
        var reads = new CountingArticleReader(store.Articles);
        using var follower = new StoryViewFollower(store, reads, store.Stories, store.Views);
        store.Place("s-d", [kept, deleted]);
        await follower.CatchUpAsync(ct);
        var before = reads.IdsRead;

        // The in-memory store still holds the article, so the update reads it again rather than use what was kept.
        store.Changes.Add(new StoreChange(store.Changes.Count + 1, StoreChangeKind.ArticleDeleted, "d-2", "s-d", null));
        await follower.CatchUpAsync(ct);

        Assert.Equal(1, reads.IdsRead - before);
    }

    /// <summary>
    /// Places <paramref name="articles"/> one commit at a time (the first <c>Count - batchAllBut</c> in one), catching the
    /// follower up after each, and checks each saved view against a follower that kept nothing; returns the last view.
    /// </summary>
    private static async Task<StoryView> AssertUpdatesMatchRebuildAsync(string storyId, List<Article> articles, int? batchAllBut = null)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = new StoryFixture();
        using var follower = new StoryViewFollower(store, store.Articles, store.Stories, store.Views);
        var first = batchAllBut is { } n ? articles.Count - n : 1;
        store.Place(storyId, articles[..first]);
        await follower.CatchUpAsync(ct);
        foreach (var article in articles[first..])
        {
            store.Place(storyId, [article]);
            await follower.CatchUpAsync(ct);
            var updated = store.Views.Saved[^1];
            using var cold = new StoryViewFollower(store, store.Articles, store.Stories, new StoryFixture.RecordingViews());
            var rebuilt = Assert.Single(await cold.BuildAsync([storyId], updated.Sequence, ct));
            Assert.Equal(StoryViewJson.Serialize(rebuilt), StoryViewJson.Serialize(updated));
            // And the builder alone, from the articles (the follower adds the entities).
            var built = new StoryViewBuilder().Build(storyId, store.Placed, updated.Sequence) with { Entities = updated.Entities };
            Assert.Equal(StoryViewJson.Serialize(built), StoryViewJson.Serialize(updated));
        }
        return store.Views.Saved[^1];
    }

    /// <summary>In-memory articles, one story's placements and the change sequence they make.</summary>
    private sealed class StoryFixture : IChangeLog, IDisposable
    {
        public StoryFixture() => Stories = new InMemoryStoryStore(Articles);

        public InMemoryArticleStore Articles { get; } = new();

        public InMemoryStoryStore Stories { get; }

        public RecordingViews Views { get; } = new();

        public List<StoreChange> Changes { get; } = [];

        public List<Article> Placed { get; } = [];

        public void Place(string storyId, IReadOnlyList<Article> articles)
        {
            Articles.TryAddRange(articles);
            Placed.AddRange(articles);
            Stories.SaveBatch([.. articles.Select(a => new StoryAssignment(a.Id, storyId, null, 0.5))],
                [new Story(storyId, Placed[0].Title, Placed.Count, [.. Placed.Select(static a => a.Outlet).Distinct()], Start, Start)], []);
            foreach (var article in articles) Changes.Add(new StoreChange(Changes.Count + 1, StoreChangeKind.ArticlePlaced, article.Id, storyId, null));
        }

        public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoreChange>>([.. Changes.Where(c => c.Sequence > sequence).Take(limit)]);

        public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(Changes.Count == 0 ? 0 : Changes[^1].Sequence);

        public void Dispose() => Articles.Dispose();

        /// <summary>Keeps what was saved.</summary>
        public sealed class RecordingViews : IStoryViewStore
        {
            public List<StoryView> Saved { get; } = [];

            private long _sequence;

            public Task<StoryView?> GetStoryViewAsync(string storyId, CancellationToken cancellationToken = default) =>
                Task.FromResult(Saved.LastOrDefault(v => v.StoryId == storyId));

            public Task<long> StoryViewSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(_sequence);

            public Task SaveStoryViewsAsync(IReadOnlyList<StoryView> views, long sequence, CancellationToken cancellationToken = default)
            {
                Saved.AddRange(views);
                _sequence = sequence;
                return Task.CompletedTask;
            }
        }
    }
}
