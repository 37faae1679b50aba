using Warta.Core.Model;
using Warta.Core.Stories;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Stories;

public sealed class StoryQueriesTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2019, 4, 22, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly InMemoryArticleStore _articles = new();
    private readonly InMemoryStoryStore _stories;
    private readonly StoryQueries _queries;

    public StoryQueriesTests()
    {
        _stories = new InMemoryStoryStore(_articles);
        _queries = new StoryQueries(_articles, _stories);
    }

    public void Dispose() => _articles.Dispose();

    private static Article WithEntities(Article article, params (string Text, string Canonical)[] names) => article with
    {
        Annotations = new ArticleAnnotations(
            [.. names.Select(n => new EntityMention(0, n.Text.Length, n.Text, EntityType.Person, "person:" + n.Canonical.ToLowerInvariant(), n.Canonical))],
            [],
            []),
    };

    private static Story MakeStory(string id, int firstHour, string headline = "Banjir") =>
        new(id, headline, 1, ["tirto.id"], Monday.AddHours(firstHour), Monday.AddHours(firstHour + 1));

    /// <summary>s-flood absorbs s-rain (a2, a3 joined it first); s-quake stands alone; a3 is a copy of a2; a2 names Anies Baswedan in full, a1 later only "Anies".</summary>
    private void SeedMergedStories()
    {
        _articles.TryAddRange([
            WithEntities(SampleArticles.Make("a1", "2019-04-22T10:00"), ("Anies", "Anies")),
            WithEntities(SampleArticles.Make("a2", "2019-04-22T08:00"), ("Anies Baswedan", "Anies Baswedan")),
            SampleArticles.Make("a3", "2019-04-22T12:00"),
            SampleArticles.Make("q1", "2019-04-23T08:00", "Gempa Lombok"),
        ]);
        _stories.SaveBatch([new("a2", "s-rain", null, 0), new("a3", "s-rain", "a2", 0.95)], [MakeStory("s-rain", 0)], []);
        _stories.SaveBatch([new("a1", "s-flood", null, 0)], [MakeStory("s-flood", 1)], [new StoryMerge("s-rain", "s-flood", "a1", 0.6)]);
        _stories.SaveBatch([new("q1", "s-quake", null, 0)], [MakeStory("s-quake", 24, "Gempa")], []);
    }

    [Fact]
    public async Task Should_list_current_stories_without_the_absorbed_ones()
    {
        SeedMergedStories();

        var current = await _queries.CurrentAsync(TestContext.Current.CancellationToken);
        var timeline = await _queries.TimelineAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["s-quake", "s-flood"], current.Select(static s => s.Id));
        Assert.Equal(["s-flood", "s-quake"], timeline.Select(static s => s.Id));
    }

    [Fact]
    public async Task Should_show_a_story_with_the_articles_of_stories_merged_into_it_in_time_order_read_in_one_batch()
    {
        SeedMergedStories();

        var found = await _queries.GetAsync("s-flood", TestContext.Current.CancellationToken);

        Assert.Equal(IdResolutionKind.Found, found.Kind);
        var detail = found.Value!;
        Assert.Equal(["a2", "a1", "a3"], detail.Articles.Select(static a => a.Article.Id));
        Assert.Equal("a2", detail.Articles[2].Assignment.CopyOfArticleId);
        Assert.Equal(1, _articles.BatchReads);
        Assert.Equal(0, _articles.SingleReads);
    }

    [Fact]
    public async Task Should_link_a_short_name_to_the_full_name_used_earlier_in_the_story()
    {
        // Given a story whose first article names "Anies Baswedan" and whose second says only "Anies"
        _articles.TryAddRange([
            WithEntities(SampleArticles.Make("b1", "2019-04-22T08:00"), ("Anies Baswedan", "Anies Baswedan")),
            WithEntities(SampleArticles.Make("b2", "2019-04-22T09:00"), ("Anies", "Anies")),
        ]);
        _stories.SaveBatch([new("b1", "s1", null, 0), new("b2", "s1", null, 0.5)], [MakeStory("s1", 0)], []);

        var detail = (await _queries.GetAsync("s1", TestContext.Current.CancellationToken)).Value!;

        var entity = Assert.Single(detail.Entities);
        Assert.Equal("Anies Baswedan", entity.CanonicalName);
        Assert.Equal(2, entity.Mentions);
        Assert.Equal(["Anies", "Anies Baswedan"], entity.Aliases);
    }

    [Fact]
    public async Task Should_resolve_a_unique_prefix_and_tell_an_unknown_id_from_an_ambiguous_prefix()
    {
        SeedMergedStories();

        var unique = await _queries.ResolveAsync("s-q", TestContext.Current.CancellationToken);
        var ambiguous = await _queries.ResolveAsync("s-", TestContext.Current.CancellationToken);
        var unknown = await _queries.ResolveAsync("s-x", TestContext.Current.CancellationToken);
        var absorbed = await _queries.ResolveAsync("s-rain", TestContext.Current.CancellationToken);

        Assert.Equal("s-quake", unique.Value?.Id);
        Assert.Equal(IdResolutionKind.Ambiguous, ambiguous.Kind);
        Assert.Equal(["s-flood", "s-quake"], ambiguous.Candidates);
        Assert.Equal(IdResolutionKind.NotFound, unknown.Kind);
        Assert.Null(unknown.Value);
        Assert.Equal("s-rain", absorbed.Value?.Id);
    }

    [Fact]
    public async Task Should_count_entities_across_stories_and_find_one_by_an_alias()
    {
        SeedMergedStories();

        var entities = await _queries.EntitiesAsync(TestContext.Current.CancellationToken);
        var found = await _queries.FindEntityAsync("anies", TestContext.Current.CancellationToken);

        var anies = Assert.Single(entities);
        Assert.Equal(["s-flood"], anies.Stories.Select(static s => s.Id));
        Assert.Equal(anies, Assert.Single(found), (x, y) => x.Entity.EntityId == y.Entity.EntityId);
        Assert.Empty(await _queries.FindEntityAsync("Prabowo", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_resolve_an_article_prefix_and_report_ambiguity_with_the_candidates()
    {
        SeedMergedStories();
        var articles = new ArticleQueries(_articles);

        Assert.Equal("q1", (await articles.ResolveAsync("q", TestContext.Current.CancellationToken)).Value?.Id);
        var ambiguous = await articles.ResolveAsync("a", TestContext.Current.CancellationToken);
        Assert.Equal(IdResolutionKind.Ambiguous, ambiguous.Kind);
        Assert.Equal(["a1", "a2", "a3"], ambiguous.Candidates);
        Assert.Equal(IdResolutionKind.NotFound, (await articles.ResolveAsync("", TestContext.Current.CancellationToken)).Kind);
    }
}
