using CsCheck;
using Warta.Core.Model;
using Warta.Core.Storage;
using Xunit;

namespace Warta.Testing;

/// <summary>Behaviour every <see cref="IArticleStore"/> must show; a store's test class derives from this and says how to open it.</summary>
public abstract class ArticleStoreContract
{
    /// <summary>Opens (creating when absent) the store called <paramref name="name"/>; opening the same name again is a reopen.</summary>
    protected abstract IArticleStore Open(string name);

    private static string NewName() => Guid.NewGuid().ToString("N");

    [Fact]
    public void Should_return_an_added_article_equal_to_the_one_given()
    {
        ArticleGenerators.Article.Sample(article =>
        {
            using var store = Open(NewName());
            Assert.True(store.TryAdd(article));
            ModelAssert.Equal(article, store.Get(article.Id));
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void Should_refuse_a_second_article_with_the_same_id_and_keep_the_first()
    {
        Gen.Select(ArticleGenerators.Article, ArticleGenerators.Article).Sample((first, second) =>
        {
            using var store = Open(NewName());
            var clash = second with { Id = first.Id };
            Assert.True(store.TryAdd(first));
            Assert.False(store.TryAdd(clash));
            Assert.False(store.TryAdd(first));
            Assert.Equal(1, store.Count());
            ModelAssert.Equal(first, store.Get(first.Id));
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void Should_keep_every_article_when_the_store_is_reopened()
    {
        ArticleGenerators.DistinctArticles(8).Sample(articles =>
        {
            var name = NewName();
            using (var store = Open(name))
            {
                Assert.All(store.TryAddRange(articles), Assert.True);
            }
            using var reopened = Open(name);
            Assert.Equal(articles.Length, reopened.Count());
            foreach (var article in articles) ModelAssert.Equal(article, reopened.Get(article.Id));
        }, iter: 25, threads: 1);
    }

    [Fact]
    public void Should_list_by_publication_time_with_unknown_times_last_then_by_id()
    {
        ArticleGenerators.DistinctArticles(10).Sample(articles =>
        {
            using var store = Open(NewName());
            store.TryAddRange(articles);
            var expected = articles
                .OrderBy(static a => a.Published is null)
                .ThenBy(static a => a.Published?.Value.UtcTicks)
                .ThenBy(static a => a.Id, StringComparer.Ordinal)
                .Select(static a => a.Id);
            Assert.Equal(expected, store.List().Select(static a => a.Id));
        }, iter: 25, threads: 1);
    }

    [Fact]
    public void Should_list_the_example_articles_oldest_first_and_undated_last()
    {
        using var store = Open(NewName());
        store.TryAdd(SampleArticles.Make("c", "2019-04-23T10:00"));
        store.TryAdd(SampleArticles.Make("b"));
        store.TryAdd(SampleArticles.Make("a", "2019-04-23T10:00"));
        store.TryAdd(SampleArticles.Make("d", "2019-04-22T23:59"));

        Assert.Equal(["d", "a", "c", "b"], store.List().Select(static a => a.Id));
    }

    [Fact]
    public void Should_count_and_contain_only_what_was_added()
    {
        using var store = Open(NewName());
        Assert.Equal(0, store.Count());
        Assert.Empty(store.List());

        store.TryAdd(SampleArticles.Make("a1"));

        Assert.Equal(1, store.Count());
        Assert.True(store.Contains("a1"));
        Assert.False(store.Contains("a"));
        Assert.False(store.Contains("A1"));
        Assert.Null(store.Get("missing"));
    }

    [Fact]
    public void Should_report_one_result_per_article_when_a_batch_repeats_an_id()
    {
        using var store = Open(NewName());
        store.TryAdd(SampleArticles.Make("old"));
        var first = SampleArticles.Make("x", title: "first");
        var batch = new[] { first, SampleArticles.Make("old"), SampleArticles.Make("x", title: "second"), SampleArticles.Make("y") };

        var results = store.TryAddRange(batch);

        Assert.Equal([true, false, false, true], results);
        Assert.Equal(3, store.Count());
        ModelAssert.Equal(first, store.Get("x"));
    }
}
