using Warta.Core.Alerts;
using Warta.Core.Search;
using Warta.Core.Stories;
using Warta.Search.Lucene;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests.Alerts;

public sealed class AlertRulesOnCorpusTests(AlertCorpus corpus) : IClassFixture<AlertCorpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<AlertEvent>> AlertsAsync(string rule)
    {
        using var store = SqliteStore.OpenForReading(corpus.Store);
        return await store.ListAlertsAsync(corpus.Rules[rule].Id, 1000, Ct);
    }

    private async Task<List<string>> SearchAsync(string query)
    {
        using var store = SqliteStore.OpenForReading(corpus.Store);
        using var index = LuceneSearchIndex.TryOpen(SearchIndexLocation.For(store.Path), Analyzers.Default, store, store);
        Assert.NotNull(index);
        var ids = new List<string>();
        await foreach (var hit in index.ExportAsync(SearchQueryParser.Parse(query), Ct)) ids.Add(hit.ArticleId);
        return ids;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_rule_fires_once_for_each_new_article_the_search_index_finds_for_the_same_query(string query)
    {
        var alerts = await AlertsAsync(query);
        var found = await SearchAsync(query);

        Assert.NotEmpty(found);
        Assert.Equal(found.Order(StringComparer.Ordinal), alerts.Select(static a => a.ArticleId!).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Equal(AlertEvaluator.ArticleKey(corpus.Rules[query].Id, a.ArticleId!, a.ArticleUrl), a.Key));
    }

    public static TheoryData<string> Queries() => [.. AlertCorpus.Queries];

    [Fact]
    public async Task An_entity_rule_fires_for_the_articles_that_mention_the_entity_by_any_of_its_names()
    {
        var alerts = await AlertsAsync("bnpb");
        var mentioning = SampleCorpus.Articles()
            .Where(static a => a.Annotations.Entities.Any(static m => EntityAliasExpansion.EntityIds("BNPB").Contains(m.EntityId)))
            .Select(static a => a.Id)
            .ToList();

        Assert.NotEmpty(mentioning);
        Assert.Equal(mentioning.Order(StringComparer.Ordinal), alerts.Select(static a => a.ArticleId!).Order(StringComparer.Ordinal));
        Assert.Equal(mentioning.Order(StringComparer.Ordinal), (await SearchAsync("entity:BNPB")).Order(StringComparer.Ordinal));
        Assert.All(alerts, static a => Assert.Contains("mentions", a.Summary, StringComparison.Ordinal));
    }

    private static readonly string[] QuickStories = ["Ambalang", "Lamaru", "Padurungan", "Sayurloka", "Wolo Selatan"];

    [Fact]
    public async Task A_story_outlets_rule_fires_once_for_each_story_a_second_outlet_reported_within_48_hours_of_its_start()
    {
        var alerts = await AlertsAsync("2 in 48h");

        // Lamaru (kabarnusa 24 Feb, wartatimur's copy 25 Feb), Wolo Selatan (14 and 15 Apr), the Padurungan trial (6 and
        // 7 May), Ambalang (2 and 3 Sep), Sayurloka (6 and 7 Oct); the transfer and the rail line waited a week or more for a second outlet.
        Assert.Equal(QuickStories, alerts.Select(static a => QuickStories.Single(n => a.StoryHeadline!.Contains(n, StringComparison.Ordinal))).Order(StringComparer.Ordinal));
        Assert.All(alerts, static a => Assert.Equal(2, a.Count));
        Assert.All(alerts, a => Assert.Equal($"{corpus.Rules["2 in 48h"].Id}:story:{a.StoryId}:outlets:2", a.Key));
        Assert.Empty(await AlertsAsync("4 in 6h"));
    }

    [Fact]
    public async Task An_outlet_joins_rule_fires_once_for_each_outlet_after_the_first_in_each_story()
    {
        using var store = SqliteStore.OpenForReading(corpus.Store);
        var queries = new StoryQueries(store, store);
        var expected = new List<string>();
        foreach (var story in await queries.CurrentAsync(Ct))
        {
            var articles = await queries.GetArticlesAsync(story.Id, Ct);
            Assert.NotNull(articles);
            // A story's first article starts it; an article without an outlet (a CSV record) joins nothing.
            var first = articles[0].Article.Outlet;
            expected.AddRange(articles.Select(static a => a.Article.Outlet).Distinct(StringComparer.Ordinal).Where(o => o != first && o.Length > 0).Select(o => $"{story.Id}:{o}"));
        }

        var any = await AlertsAsync("any joins");
        var antarprov = await AlertsAsync("antarprov joins");

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), any.Select(static a => $"{a.StoryId}:{a.Outlet}").Order(StringComparer.Ordinal));
        Assert.Equal(expected.Where(static e => e.EndsWith(":antarprov.com", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            antarprov.Select(static a => $"{a.StoryId}:{a.Outlet}").Order(StringComparer.Ordinal));
        Assert.NotEmpty(antarprov);
    }

    [Fact]
    public async Task A_rate_jump_rule_does_not_fire_on_stories_told_a_few_articles_a_week()
    {
        Assert.NotEmpty(await AlertsAsync("2 in 48h"));
        Assert.Empty(await AlertsAsync("jump 3x"));
    }
}
