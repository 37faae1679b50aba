using System.Text.RegularExpressions;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Testing;
using Xunit;

namespace Warta.Search.Lucene.Tests;

public sealed class LuceneSearchIndexTests(IndexedSampleCorpus corpus) : IClassFixture<IndexedSampleCorpus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<Article> Articles => SampleCorpus.Articles();

    [Theory]
    [InlineData("mengungsi", "pengungsi")]
    [InlineData("pengungsi", "mengungsi")]
    [InlineData("menemukan", "pertemuan")]
    public async Task Should_find_an_article_by_another_form_of_its_word_in_both_directions(string written, string searched)
    {
        var onlyWritten = Articles.Where(a => Contains(a, written) && !Contains(a, searched)).Select(static a => a.Id).ToList();
        Assert.NotEmpty(onlyWritten);

        var found = await IdsAsync(searched);

        Assert.Subset(found, onlyWritten.ToHashSet());
    }

    [Fact]
    public async Task Should_find_the_full_name_of_an_entity_when_searching_its_alias()
    {
        var onlyFullName = Articles.Where(static a => Contains(a, "Sulawesi Utara") && !Contains(a, "Sulut")).Select(static a => a.Id).ToList();
        Assert.NotEmpty(onlyFullName);

        var found = await IdsAsync("Sulut");

        Assert.Subset(found, onlyFullName.ToHashSet());
    }

    [Fact]
    public async Task Should_match_a_phrase_only_with_its_words_together_and_in_order()
    {
        var phrase = await corpus.Index.SearchArticlesAsync(SearchQueryParser.Parse("\"Sungai Lamaru\""), Ct);
        var reversed = await corpus.Index.SearchArticlesAsync(SearchQueryParser.Parse("\"Lamaru Sungai\""), Ct);
        var words = await corpus.Index.SearchArticlesAsync(SearchQueryParser.Parse("Lamaru Sungai"), Ct);

        Assert.NotEmpty(phrase.Hits);
        Assert.All(phrase.Hits, h => Assert.True(Contains(Articles.Single(a => a.Id == h.ArticleId), "Sungai Lamaru")));
        Assert.Equal(0, reversed.Total);
        Assert.True(words.Total >= phrase.Total && words.Total > 0);
    }

    [Fact]
    public async Task Should_give_the_union_for_OR_and_the_difference_for_an_exclusion()
    {
        var ambalang = await IdsAsync("Ambalang");
        var seruni = await IdsAsync("Seruni");
        var lamaru = await IdsAsync("Lamaru");
        var banjir = await IdsAsync("banjir");
        Assert.NotEmpty(ambalang);
        Assert.NotEmpty(seruni);

        Assert.Equal(ambalang.Union(seruni).Order(StringComparer.Ordinal), (await IdsAsync("Ambalang OR Seruni")).Order(StringComparer.Ordinal));
        var without = await IdsAsync("Lamaru -banjir");
        Assert.NotEmpty(without);
        Assert.Equal(lamaru.Except(banjir).Order(StringComparer.Ordinal), without.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_keep_only_the_outlet_language_dates_entity_and_story_asked_for()
    {
        var byOutlet = await HitsAsync("banjir outlet:kabarnusa.id");
        var english = await HitsAsync("lang:en");
        var march = await HitsAsync("Lamaru since:2025-03-01 until:2025-03-31");
        var entity = await HitsAsync("entity:Sulut");
        var story = byOutlet[0].StoryId!;
        var inStory = await HitsAsync($"story:{story}");

        Assert.NotEmpty(byOutlet);
        Assert.All(byOutlet, static h => Assert.Equal("kabarnusa.id", h.Outlet));
        Assert.Equal(Articles.Count(static a => a.Language == "en"), english.Count);
        Assert.All(english, static h => Assert.Equal("en", h.Language));
        Assert.NotEmpty(march);
        Assert.All(march, static h => Assert.InRange(DateOnly.FromDateTime(h.Published!.Value.DateTime), new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)));
        Assert.NotEmpty(entity);
        Assert.All(entity, h => Assert.Contains(Articles.Single(a => a.Id == h.ArticleId).Annotations.Entities, static e => e.EntityId == "place:sulawesi utara"));
        Assert.True(inStory.Count >= 2);
        Assert.All(inStory, h => Assert.Equal(story, h.StoryId));
    }

    [Fact]
    public async Task Should_mark_the_matching_words_in_each_snippet()
    {
        var hits = await HitsAsync("Lamaru");

        Assert.NotEmpty(hits);
        Assert.All(hits, static h => Assert.Contains("[Lamaru]", h.Snippet, StringComparison.Ordinal));
        Assert.All(hits, static h => Assert.InRange(h.Snippet.Length, 1, 2 * LuceneSearchIndex.SnippetChars));
    }

    [Fact]
    public async Task Should_make_snippets_from_the_stored_article_text_which_the_index_does_not_keep()
    {
        var query = SearchQueryParser.Parse("Lamaru");
        using var withoutStore = LuceneSearchIndex.TryOpen(corpus.IndexFolder, Analyzers.Default)!;

        var fromStore = (await corpus.Index.SearchArticlesAsync(query, Ct)).Hits;
        var fromIndex = (await withoutStore.SearchArticlesAsync(query, Ct)).Hits;

        using (var directory = global::Lucene.Net.Store.FSDirectory.Open(corpus.IndexFolder))
        using (var reader = global::Lucene.Net.Index.DirectoryReader.Open(directory))
        {
            Assert.True(reader.MaxDoc > 0);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
                Assert.DoesNotContain(reader.Document(doc).Fields, static f => f.Name.StartsWith("body", StringComparison.Ordinal));
        }
        Assert.Equal(fromStore.Select(static h => h.ArticleId), fromIndex.Select(static h => h.ArticleId));
        // With the store, some snippet shows body text; without it, every snippet is made from the hit's title.
        Assert.Contains(fromStore, static h => !h.Title.Contains(Unmarked(h.Snippet), StringComparison.Ordinal));
        Assert.All(fromStore, h => Assert.Contains(Unmarked(h.Snippet), OneLine(Articles.Single(a => a.Id == h.ArticleId)), StringComparison.Ordinal));
        Assert.All(fromIndex, static h => Assert.Contains(Unmarked(h.Snippet), h.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_rank_the_story_the_query_names_first()
    {
        var lamaru = await corpus.Index.SearchStoriesAsync(SearchQueryParser.Parse("banjir Lamaru"), Ct);
        var dimas = await corpus.Index.SearchStoriesAsync(SearchQueryParser.Parse("Dimas Kalindra"), Ct);

        Assert.NotEmpty(lamaru.Hits);
        Assert.Contains("lamaru", SourceOf(lamaru.Hits[0].BestArticleId), StringComparison.Ordinal);
        Assert.True(lamaru.Hits[0].MatchingArticles >= 4);
        Assert.NotEmpty(dimas.Hits);
        Assert.Contains("Dimas", dimas.Hits[0].Headline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_matching_articles_per_day_and_week_overall_and_by_outlet()
    {
        var query = SearchQueryParser.Parse("banjir");
        var dated = (await HitsAsync("banjir")).Where(static h => h.Published is not null).ToList();
        Assert.NotEmpty(dated);

        var perDay = await corpus.Index.CountAsync(query, SearchPeriod.Day, byOutlet: false, Ct);
        var perWeek = await corpus.Index.CountAsync(query, SearchPeriod.Week, byOutlet: false, Ct);
        var byOutlet = await corpus.Index.CountAsync(query, SearchPeriod.Day, byOutlet: true, Ct);

        var expected = dated.GroupBy(static h => DateOnly.FromDateTime(h.Published!.Value.DateTime)).OrderBy(static g => g.Key).Select(static g => new PeriodCount(g.Key, null, g.Count()));
        Assert.Equal(expected, perDay);
        Assert.Equal(dated.Count, perWeek.Sum(static c => c.Count));
        Assert.All(perWeek, static c => Assert.Equal(DayOfWeek.Monday, c.Start.DayOfWeek));
        Assert.Equal(dated.Count, byOutlet.Sum(static c => c.Count));
        Assert.All(byOutlet, c => Assert.Equal(dated.Count(h => h.Outlet == c.Outlet && DateOnly.FromDateTime(h.Published!.Value.DateTime) == c.Start), c.Count));
    }

    [Fact]
    public async Task Should_export_every_hit_once_beyond_the_page_limit()
    {
        var query = SearchQueryParser.Parse("warga") with { Limit = 2 };
        var page = await corpus.Index.SearchArticlesAsync(query, Ct);

        var exported = new List<SearchHit>();
        await foreach (var hit in corpus.Index.ExportAsync(query, Ct)) exported.Add(hit);

        Assert.True(page.Total > 2);
        Assert.Equal(2, page.Hits.Count);
        Assert.Equal(page.Total, exported.Count);
        Assert.Equal(exported.Count, exported.Select(static h => h.ArticleId).Distinct().Count());
    }

    [Fact]
    public async Task Should_sort_newest_first_when_asked()
    {
        var hits = (await corpus.Index.SearchArticlesAsync(SearchQueryParser.Parse("banjir") with { Sort = SearchSort.Time, Limit = 50 }, Ct)).Hits;

        Assert.True(hits.Count > 2);
        Assert.Equal(hits.Select(static h => h.Published).OrderByDescending(static p => p), hits.Select(static h => h.Published));
    }

    [Fact]
    public async Task Should_hold_every_article_and_the_store_s_last_change()
    {
        Assert.Equal(Articles.Count, corpus.Index.Count);
        Assert.Equal(await corpus.Store.LatestSequenceAsync(Ct), corpus.Index.Sequence);
    }

    private static string Unmarked(string snippet) => snippet.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);

    private static string OneLine(Article article) => (article.Title + " " + article.Body).ReplaceLineEndings(" ");

    private async Task<List<SearchHit>> HitsAsync(string text) =>
        [.. (await corpus.Index.SearchArticlesAsync(SearchQueryParser.Parse(text) with { Limit = 1000 }, Ct)).Hits];

    private async Task<HashSet<string>> IdsAsync(string text) => [.. (await HitsAsync(text)).Select(static h => h.ArticleId)];

    private static string SourceOf(string articleId) => Articles.Single(a => a.Id == articleId).Source;

    private static bool Contains(Article article, string words) =>
        Regex.IsMatch(article.Title + "\n" + article.Body, $@"(?<!\w){Regex.Escape(words)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
