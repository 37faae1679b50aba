using Warta.Evaluation.Search;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Search;

public sealed class SearchBenchmarkTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_never_repeat_a_text_and_keep_adding_new_names_as_the_corpus_grows()
    {
        var sentences = BenchSentences.Load(SharedDataRoot());
        var generator = new BenchArticleGenerator(sentences);

        var articles = Enumerable.Range(0, 2000).Select(generator.Generate).ToList();

        Assert.True(sentences.Count > 10_000);
        Assert.Equal(articles.Count, articles.Select(static a => a.Body).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(articles.Count, articles.Select(static a => a.Id).Distinct(StringComparer.Ordinal).Count());
        var early = Names(articles.Take(1000));
        var late = Names(articles.Skip(1000));
        Assert.True(late.Except(early).Count() > 100, "later articles bring names the earlier ones never used");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999_999)]
    public void Should_read_the_number_of_a_generated_article_back_from_its_id(int index)
    {
        Assert.Equal(index, BenchArticleGenerator.IndexOf(BenchArticleGenerator.IdOf(index)));
        Assert.Equal(-1, BenchArticleGenerator.IndexOf("kompas-2025-0001"));
    }

    [Fact]
    public async Task Should_time_at_least_200_queries_of_every_class_on_both_engines_over_2000_articles()
    {
        var sentences = BenchSentences.Load(SharedDataRoot());

        var report = await SearchBenchmark.RunAsync(sentences, 2000, _folder.Path, Analyzers.Default, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Queries >= 200);
        Assert.Equal(["rare", "medium", "common", "two-word", "phrase", "filtered"], report.Classes.Select(static c => c.Class));
        Assert.All(report.Classes, static c => Assert.True(c.LuceneMeanHits > 0, $"{c.Class} queries find nothing"));
        Assert.True(report.LuceneArticlesPerSecond > 0 && report.Fts5ArticlesPerSecond > 0);
        Assert.True(report.LuceneBytes > 0 && report.Fts5Bytes > 0);
        // 2,000 articles allocate tens of megabytes while Lucene indexes them: the collector ran and is reported.
        var collector = report.LuceneIndexingCollector;
        Assert.True(collector.AllocatedBytes > 10_000_000, $"{collector.AllocatedBytes} bytes allocated");
        Assert.True(collector.Gen0 + collector.Gen1 + collector.Gen2 > 0);
    }

    [Fact]
    public void Should_tell_the_collections_of_each_generation_apart()
    {
        // The runtime counts a gen-2 collection in generations 0 and 1 too.
        var start = new CollectorWork(TimeSpan.FromSeconds(1), Gen0: 100, Gen1: 20, Gen2: 3, AllocatedBytes: 1_000);
        var end = new CollectorWork(TimeSpan.FromSeconds(4), Gen0: 160, Gen1: 30, Gen2: 5, AllocatedBytes: 9_000);

        var work = end.Since(start);

        Assert.Equal(new CollectorWork(TimeSpan.FromSeconds(3), Gen0: 50, Gen1: 8, Gen2: 2, AllocatedBytes: 8_000), work);
    }

    [Fact]
    public async Task Should_time_the_queries_on_the_indexes_a_previous_run_kept_without_indexing_again()
    {
        var sentences = BenchSentences.Load(SharedDataRoot());
        var first = await SearchBenchmark.RunAsync(sentences, 500, _folder.Path, Analyzers.Default, reuse: true, cancellationToken: TestContext.Current.CancellationToken);
        var written = File.GetLastWriteTimeUtc(Path.Combine(_folder.Path, "bench-fts5.db"));

        var second = await SearchBenchmark.RunAsync(sentences, 500, _folder.Path, Analyzers.Default, reuse: true, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(first.LuceneArticlesPerSecond > 0, "the first run indexes");
        Assert.Equal(0, second.LuceneArticlesPerSecond);
        Assert.Equal(0, second.Fts5ArticlesPerSecond);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(_folder.Path, "bench-fts5.db")));
        Assert.Equal(first.Classes.Select(static c => c.LuceneMeanHits), second.Classes.Select(static c => c.LuceneMeanHits));
    }

    [Fact]
    public async Task Should_index_again_when_the_kept_indexes_hold_another_number_of_articles()
    {
        var sentences = BenchSentences.Load(SharedDataRoot());
        await SearchBenchmark.RunAsync(sentences, 300, _folder.Path, Analyzers.Default, reuse: true, cancellationToken: TestContext.Current.CancellationToken);

        var larger = await SearchBenchmark.RunAsync(sentences, 500, _folder.Path, Analyzers.Default, reuse: true, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(larger.LuceneArticlesPerSecond > 0);
    }

    private static string SharedDataRoot() => Path.GetDirectoryName(SharedData.PathOf("stemming"))!;

    private static HashSet<string> Names(IEnumerable<Warta.Core.Model.Article> articles) =>
        [.. articles.SelectMany(static a => a.Body.Split(' ')).Where(static w => w.Length > 0 && char.IsUpper(w[0]))];
}
