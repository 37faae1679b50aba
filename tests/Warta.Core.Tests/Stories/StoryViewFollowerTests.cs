using System.Globalization;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Stories;

public sealed class StoryViewFollowerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2019, 4, 22, 0, 0, 0, TimeSpan.FromHours(7));

    private readonly InMemoryArticleStore _articles = new();
    private readonly InMemoryStoryStore _stories;

    public StoryViewFollowerTests() => _stories = new InMemoryStoryStore(_articles);

    public void Dispose() => _articles.Dispose();

    private static Article Numbered(int i) => SampleArticles.Make(
        "a" + i.ToString("D4", CultureInfo.InvariantCulture),
        // Stored out of publication order, so that the follower has to order them.
        Start.AddMinutes((i * 7919) % 1000).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));

    /// <summary>A story of 1,000 articles: 800 of its own and 200 of a story merged into it; change 1 placed one of them.</summary>
    private List<Article> SeedLongStory()
    {
        var all = Enumerable.Range(0, 1000).Select(Numbered).ToList();
        _articles.TryAddRange(all);
        var story = new Story("s-big", "Banjir", 1000, ["tirto.id"], Start, Start.AddHours(17));
        _stories.SaveBatch(
            [.. all.Select((a, i) => new StoryAssignment(a.Id, i < 800 ? "s-big" : "s-small", null, 0.5))],
            [story, story with { Id = "s-small", ArticleCount = 200 }],
            [new StoryMerge("s-small", "s-big", all[800].Id, 0.6)]);
        return all;
    }

    [Fact]
    public async Task Should_read_at_most_the_articles_a_view_uses_for_a_story_of_1000_once_its_entities_are_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var all = SeedLongStory();
        var views = new RecordingViews();
        var placed = new StoreChange(1, StoreChangeKind.ArticlePlaced, all[0].Id, "s-big", null);
        using (var first = new StoryViewFollower(new OneChange(placed), _articles, _stories, views))
        {
            // The first view links all 1,000 articles (a chunk at a time) and keeps the entities' state.
            await first.CatchUpAsync(ct);
        }
        var later = SampleArticles.Make("a9999", "2019-04-23T08:00");
        _articles.TryAddRange([later]);
        _stories.SaveBatch([new StoryAssignment(later.Id, "s-big", null, 0.5)], [new Story("s-big", "Banjir", 1001, ["tirto.id"], Start, Start.AddDays(1))], []);
        var reads = new CountingArticleReader(_articles);
        using var follower = new StoryViewFollower(new OneChange(placed, new StoreChange(2, StoreChangeKind.ArticlePlaced, later.Id, "s-big", null)), reads, _stories, views);

        await follower.CatchUpAsync(ct);

        var view = views.Saved[^1];
        Assert.Equal(1001, view.ArticleIds.Count);
        Assert.NotNull(view.Entities);
        Assert.InRange(reads.IdsRead, 1, StoryViewBuilder.MaxArticles);
        Assert.Equal(2, views.Sequence);
    }

    [Fact]
    public async Task Should_build_the_same_view_from_the_sampled_articles_as_from_all_of_them()
    {
        var all = SeedLongStory();
        using var follower = new StoryViewFollower(new OneChange(), _articles, _stories, new RecordingViews());

        var sampled = Assert.Single(await follower.BuildAsync(["s-big"], 5, TestContext.Current.CancellationToken));
        var whole = new StoryViewBuilder().Build("s-big", all, 5);

        Assert.Equal(whole.ArticleIds, sampled.ArticleIds);
        // The builder is pure; the follower adds the entities, linked across all articles.
        Assert.Equal(JsonSerializer.Serialize(whole with { Entities = sampled.Entities }), JsonSerializer.Serialize(sampled));
        Assert.Equal([.. all.OrderBy(static a => a.Published?.Value ?? DateTimeOffset.MaxValue).ThenBy(static a => a.Id, StringComparer.Ordinal).Select(static a => a.Id)], sampled.ArticleIds);
    }

    private static Article Naming(string id, string publishedWib, params (string Text, EntityType Type)[] names) =>
        SampleArticles.Make(id, publishedWib, "Kim Jong Un bertemu Putin") with
        {
            Annotations = new([.. names.Select(static n => new EntityMention(0, n.Text.Length, n.Text, n.Type, "", n.Text))], [], []),
        };

    [Fact]
    public async Task Should_keep_with_each_view_the_entities_a_story_read_links_whether_articles_arrive_in_order_or_not()
    {
        var ct = TestContext.Current.CancellationToken;
        var changes = new List<StoreChange>();
        var views = new RecordingViews();
        using var follower = new StoryViewFollower(new ChangeList(changes), _articles, _stories, views);
        var linking = new StoryQueries(_articles, _stories);
        var viewing = new StoryQueries(_articles, _stories, views);
        var placed = 0;
        void Place(Article article)
        {
            _articles.TryAddRange([article]);
            placed++;
            _stories.SaveBatch([new StoryAssignment(article.Id, "s-kim", null, 0.5)], [new Story("s-kim", "Kim bertemu Putin", placed, ["kompas.com"], Start, Start)], []);
            changes.Add(new StoreChange(changes.Count + 1, StoreChangeKind.ArticlePlaced, article.Id, "s-kim", null));
        }
        async Task AssertSameEntitiesAsync()
        {
            var linked = (await linking.GetAsync("s-kim", ct)).Value!;
            var viewed = (await viewing.GetAsync("s-kim", ct)).Value!;
            Assert.Equal(JsonSerializer.Serialize(linked.Entities), JsonSerializer.Serialize(viewed.Entities));
            Assert.NotEmpty(linked.Entities);
        }

        Place(Naming("k1", "2019-04-22T08:00", ("Kim Jong Un", EntityType.Person), ("Pyongyang", EntityType.Place)));
        await follower.CatchUpAsync(ct);
        Place(Naming("k2", "2019-04-22T09:00", ("Kim", EntityType.Person), ("Vladivostok", EntityType.Place)));
        await follower.CatchUpAsync(ct);
        await AssertSameEntitiesAsync();
        var inOrder = views.Saved[^1];
        Assert.Equal(2, inOrder.Entities!.Single(e => e.CanonicalName == "Kim Jong Un").Mentions);

        // Published before both: "Kim" alone now comes first, so the story is linked again from its first article.
        Place(Naming("k0", "2019-04-22T07:00", ("Kim", EntityType.Person), ("Putin", EntityType.Person)));
        await follower.CatchUpAsync(ct);
        await AssertSameEntitiesAsync();
        Assert.Equal(["k0", "k1", "k2"], views.Saved[^1].ArticleIds);

        // Not caught up yet: the view holds the story's first three articles, and a read links the fourth from its state.
        Place(Naming("k3", "2019-04-22T10:00", ("Vladimir Putin", EntityType.Person)));
        await AssertSameEntitiesAsync();
        Assert.Equal(3, (await viewing.GetAsync("s-kim", ct)).Value!.View!.ArticleIds.Count);
        // Nor here, where the new article comes first: every article is linked again.
        Place(Naming("k-1", "2019-04-22T06:00", ("Putin", EntityType.Person)));
        await AssertSameEntitiesAsync();
    }

    /// <summary>A change sequence that grows as the test places articles.</summary>
    private sealed class ChangeList(List<StoreChange> changes) : IChangeLog
    {
        public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoreChange>>([.. changes.Where(c => c.Sequence > sequence).Take(limit)]);

        public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(changes.Count == 0 ? 0 : changes[^1].Sequence);
    }

    /// <summary>A change sequence of the given changes.</summary>
    private sealed class OneChange(params StoreChange[] changes) : IChangeLog
    {
        public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoreChange>>([.. changes.Where(c => c.Sequence > sequence).Take(limit)]);

        public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(changes.Length == 0 ? 0 : changes[^1].Sequence);
    }

    /// <summary>Keeps what was saved.</summary>
    private sealed class RecordingViews : IStoryViewStore
    {
        public List<StoryView> Saved { get; } = [];

        public long Sequence { get; private set; }

        public Task<StoryView?> GetStoryViewAsync(string storyId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Saved.LastOrDefault(v => v.StoryId == storyId));

        public Task<long> StoryViewSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(Sequence);

        public Task SaveStoryViewsAsync(IReadOnlyList<StoryView> views, long sequence, CancellationToken cancellationToken = default)
        {
            Saved.AddRange(views);
            Sequence = sequence;
            return Task.CompletedTask;
        }
    }
}
