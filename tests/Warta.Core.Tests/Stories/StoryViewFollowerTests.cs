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
    public async Task Should_read_at_most_the_articles_a_view_uses_for_a_story_of_1000()
    {
        var all = SeedLongStory();
        var reads = new CountingReader(_articles);
        var views = new RecordingViews();
        using var follower = new StoryViewFollower(new OneChange(new StoreChange(1, StoreChangeKind.ArticlePlaced, all[0].Id, "s-big", null)), reads, _stories, views);

        await follower.CatchUpAsync(TestContext.Current.CancellationToken);

        var view = Assert.Single(views.Saved);
        Assert.Equal(1000, view.ArticleIds.Count);
        Assert.InRange(reads.IdsRead, 1, StoryViewBuilder.MaxArticles);
        Assert.Equal(1, views.Sequence);
    }

    [Fact]
    public async Task Should_build_the_same_view_from_the_sampled_articles_as_from_all_of_them()
    {
        var all = SeedLongStory();
        using var follower = new StoryViewFollower(new OneChange(), _articles, _stories, new RecordingViews());

        var sampled = Assert.Single(await follower.BuildAsync(["s-big"], 5, TestContext.Current.CancellationToken));
        var whole = new StoryViewBuilder().Build("s-big", all, 5);

        Assert.Equal(whole.ArticleIds, sampled.ArticleIds);
        Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(sampled));
        Assert.Equal([.. all.OrderBy(static a => a.Published?.Value ?? DateTimeOffset.MaxValue).ThenBy(static a => a.Id, StringComparer.Ordinal).Select(static a => a.Id)], sampled.ArticleIds);
    }

    /// <summary>Counts the article ids read through <see cref="IArticleReader"/>.</summary>
    private sealed class CountingReader(InMemoryArticleStore inner) : IArticleReader
    {
        public int IdsRead { get; private set; }

        public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
        {
            IdsRead++;
            return inner.GetArticleAsync(id, cancellationToken);
        }

        public Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        {
            IdsRead += ids.Count;
            return inner.GetArticlesAsync(ids, cancellationToken);
        }

        public Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) =>
            inner.FindArticleIdsAsync(prefix, limit, cancellationToken);

        public Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default)
        {
            IdsRead += page.Limit;
            return inner.ListArticlesAsync(page, cancellationToken);
        }

        public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) => inner.CountArticlesAsync(cancellationToken);
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
