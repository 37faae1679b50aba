using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Postgres.Tests;

/// <summary>Search in a PostgreSQL store against the embedded Lucene index on the sample corpus: the same hits for every
/// query of the search tests (order may differ), the same stories and counts, and the index kept by the change sequence.</summary>
public sealed class PostgresSearchIndexTests(SearchParityCorpus corpus) : IClassFixture<SearchParityCorpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The queries of the Lucene index's tests (Warta.Search.Lucene.Tests), and the rest of the syntax.</summary>
    public static TheoryData<string> Queries { get; } = [.. SampleCorpusQueries.All];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Should_find_the_same_articles_as_the_lucene_index(string text)
    {
        corpus.SkipUnlessAvailable();
        var query = SearchQueryParser.Parse(text) with { Limit = 1000 };

        var lucene = await corpus.Lucene!.SearchArticlesAsync(query, Ct);
        var postgres = await corpus.Search!.SearchArticlesAsync(query, Ct);

        Assert.Equal(lucene.Total, postgres.Total);
        Assert.Equal(Ids(lucene.Hits), Ids(postgres.Hits));
        Assert.Equal(lucene.Hits.Select(Fields).Order(StringComparer.Ordinal), postgres.Hits.Select(Fields).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_find_the_same_articles_as_the_lucene_index_in_every_story()
    {
        corpus.SkipUnlessAvailable();
        var stories = corpus.Sqlite!.ListStories().Select(static s => s.Id).Concat(corpus.Sqlite.ListMerges().Select(static m => m.FromStoryId)).ToList();
        // The sample corpus tells eight stories (the English wire report joins its eruption story).
        Assert.True(stories.Count >= 8);

        foreach (var story in stories)
        {
            var query = SearchQueryParser.Parse($"story:{story}") with { Limit = 1000 };
            Assert.Equal(Ids((await corpus.Lucene!.SearchArticlesAsync(query, Ct)).Hits), Ids((await corpus.Search!.SearchArticlesAsync(query, Ct)).Hits));
        }
    }

    [Theory]
    [InlineData("banjir Lamaru")]
    [InlineData("Dimas Kalindra")]
    [InlineData("warga")]
    [InlineData("lang:id")]
    public async Task Should_find_the_same_stories_with_the_same_matching_articles_as_the_lucene_index(string text)
    {
        corpus.SkipUnlessAvailable();
        var query = SearchQueryParser.Parse(text) with { Limit = 100 };

        var lucene = await corpus.Lucene!.SearchStoriesAsync(query, Ct);
        var postgres = await corpus.Search!.SearchStoriesAsync(query, Ct);

        Assert.NotEmpty(postgres.Hits);
        Assert.Equal(lucene.Total, postgres.Total);
        Assert.Equal(Stories(lucene.Hits), Stories(postgres.Hits));
    }

    [Theory]
    [InlineData("banjir")]
    [InlineData("Lamaru -banjir")]
    [InlineData("lang:id")]
    public async Task Should_count_the_same_articles_per_day_week_and_outlet_as_the_lucene_index(string text)
    {
        corpus.SkipUnlessAvailable();
        var query = SearchQueryParser.Parse(text);

        foreach (var (period, byOutlet) in new[] { (SearchPeriod.Day, false), (SearchPeriod.Week, false), (SearchPeriod.Week, true) })
        {
            var lucene = await corpus.Lucene!.CountAsync(query, period, byOutlet, Ct);
            var postgres = await corpus.Search!.CountAsync(query, period, byOutlet, Ct);
            Assert.NotEmpty(postgres);
            Assert.Equal(lucene, postgres);
        }
    }

    [Fact]
    public async Task Should_mark_the_matching_words_and_their_other_forms_in_each_snippet()
    {
        corpus.SkipUnlessAvailable();

        var lamaru = (await corpus.Search!.SearchArticlesAsync(SearchQueryParser.Parse("Lamaru") with { Limit = 100 }, Ct)).Hits;
        var pengungsi = (await corpus.Search.SearchArticlesAsync(SearchQueryParser.Parse("pengungsi") with { Limit = 100 }, Ct)).Hits;

        Assert.NotEmpty(lamaru);
        Assert.All(lamaru, static h => Assert.Contains("[Lamaru]", h.Snippet, StringComparison.Ordinal));
        Assert.All(lamaru, static h => Assert.InRange(h.Snippet.Length, 1, 2 * PostgresSearchIndex.SnippetChars));
        Assert.Contains(pengungsi, static h => h.Snippet.Contains("[mengungsi]", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Should_rank_title_matches_first_and_export_every_hit_in_the_order_of_its_pages()
    {
        corpus.SkipUnlessAvailable();
        var query = SearchQueryParser.Parse("banjir") with { Limit = 3 };

        var pages = new List<SearchHit>();
        for (var offset = 0; ; offset += 3)
        {
            var page = await corpus.Search!.SearchArticlesAsync(query with { Offset = offset }, Ct);
            pages.AddRange(page.Hits);
            if (page.Hits.Count < 3) break;
        }
        var exported = new List<SearchHit>();
        await foreach (var hit in corpus.Search!.ExportAsync(query, Ct)) exported.Add(hit);
        var newest = (await corpus.Search.SearchArticlesAsync(query with { Sort = SearchSort.Time, Limit = 100 }, Ct)).Hits;

        Assert.Equal(pages.Select(static h => h.ArticleId), exported.Select(static h => h.ArticleId));
        Assert.Contains("banjir", pages[0].Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(newest.Select(static h => h.Published).OrderByDescending(static p => p), newest.Select(static h => h.Published));
    }

    [Fact]
    public async Task Should_drop_a_deleted_article_and_hold_the_stores_last_change_after_the_placer_commits()
    {
        corpus.SkipUnlessAvailable();
        using var store = new PostgresStore(corpus.StoreConnectionString(Guid.NewGuid().ToString("N")[..8], "follow"));
        var articles = SampleCorpus.Articles().Where(static a => a.Title.Contains("Lamaru", StringComparison.Ordinal)).ToList();
        Assert.True(articles.Count >= 3);
        var index = PostgresSearchIndex.TryOpen(store, Analyzers.Default)!;
        var lamaru = SearchQueryParser.Parse("Lamaru") with { Limit = 100 };

        using (var follower = new PostgresSearchFollower(store, Analyzers.Default)) await SearchParityCorpus.PlaceAsync(store, follower, articles);
        var before = await index.SearchArticlesAsync(lamaru, Ct);
        var deleted = articles[0].Id;
        using (var follower = new PostgresSearchFollower(store, Analyzers.Default))
        {
            await using var placer = await Core.Pipeline.StoryPlacer.OpenAsync(store, Analyzers.Default, new Core.Pipeline.StoryPlacerOptions { Followers = [follower] }, cancellationToken: Ct);
            await placer.DeleteAsync(deleted, Ct);
        }
        var after = await index.SearchArticlesAsync(lamaru, Ct);
        using (var rebuilt = new PostgresSearchFollower(store, Analyzers.Default)) await rebuilt.RebuildAsync(Ct);
        var again = await index.SearchArticlesAsync(lamaru, Ct);

        Assert.Equal(articles.Count, before.Total);
        Assert.Equal(Ids(before.Hits).Where(id => id != deleted), Ids(after.Hits));
        Assert.Equal(await store.LatestSequenceAsync(Ct), index.Sequence);
        Assert.Equal(Ids(after.Hits), Ids(again.Hits));
        Assert.Equal(articles.Count - 1, await index.CountAsync(Ct));
    }

    private static List<string> Ids(IEnumerable<SearchHit> hits) => [.. hits.Select(static h => h.ArticleId).Order(StringComparer.Ordinal)];

    /// <summary>What a hit says besides its score and snippet, which the two indexes compute each their own way.</summary>
    private static string Fields(SearchHit hit) => $"{hit.ArticleId} {hit.Title} {hit.Outlet} {hit.Language} {hit.Published:O} {hit.StoryId}";

    private static List<string> Stories(IEnumerable<StorySearchHit> hits) =>
        [.. hits.Select(static s => $"{s.StoryId} {s.Headline} {s.MatchingArticles} {s.LastActivity:O}").Order(StringComparer.Ordinal)];
}
