using BenchmarkDotNet.Attributes;
using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Testing;
using Warta.Text;

namespace Warta.Benchmarks.Clustering;

/// <summary>
/// Clustering throughput (analysis excluded): a synthetic stream of stories whose articles mix topic words with
/// Zipf-distributed background words, as headlines (8 words) or full articles (title + 320 words).
/// Articles/s = 1 / the reported time per operation (one operation = one article).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 7)]
public class ClusteringBenchmark
{
    private const int Headlines = 20_000;
    private const int FullArticles = 4_000;

    private (Article Article, AnalyzedText Title, AnalyzedText Body)[] _headlines = [];
    private (Article Article, AnalyzedText Title, AnalyzedText Body)[] _full = [];

    [GlobalSetup]
    public void Setup()
    {
        _headlines = Generate(Headlines, bodyWords: 0, seed: 1);
        _full = Generate(FullArticles, bodyWords: 320, seed: 2);
    }

    [Benchmark(OperationsPerInvoke = Headlines)]
    public int Cluster_headlines() => Run(_headlines);

    [Benchmark(OperationsPerInvoke = FullArticles)]
    public int Cluster_full_articles() => Run(_full);

    private static int Run((Article Article, AnalyzedText Title, AnalyzedText Body)[] stream)
    {
        var clusterer = new StoryClusterer();
        foreach (var (article, title, body) in stream) clusterer.Add(article, title, body);
        return clusterer.LiveStoryCount;
    }

    private static (Article, AnalyzedText, AnalyzedText)[] Generate(int count, int bodyWords, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 30_000).Select(_ => Word(random)).ToArray();
        var stories = Enumerable.Range(0, count / 10).Select(_ => Enumerable.Range(0, 40).Select(_ => Word(random)).ToArray()).ToArray();
        var start = new DateTimeOffset(2019, 4, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var analyzer = Analyzers.Default;
        var stream = new (Article, AnalyzedText, AnalyzedText)[count];
        for (var i = 0; i < count; i++)
        {
            // Stories open in stream order and stay active for a while, so the working set holds many at once.
            var topic = stories[Math.Min(stories.Length - 1, (i / 10) + random.Next(0, 30))];
            string Pick() => random.NextDouble() < 0.3 ? topic[random.Next(topic.Length)] : vocabulary[Zipf(random, vocabulary.Length)];
            var title = string.Join(' ', Enumerable.Range(0, 8).Select(k => k < 5 ? topic[random.Next(topic.Length)] : Pick()));
            var paragraphs = bodyWords == 0 ? [] : Enumerable.Range(0, 4).Select(_ => string.Join(' ', Enumerable.Range(0, bodyWords / 4).Select(_ => Pick())) + ".").ToArray();
            var article = new Article
            {
                Id = $"a{i:D6}",
                Title = title,
                Outlet = "outlet" + random.Next(50),
                Published = new PublicationTime(start.AddSeconds(i * 30), TimePrecision.Second),
                Language = "und",
                Paragraphs = paragraphs,
                Source = "synthetic",
            };
            stream[i] = (article, analyzer.Analyze(Tokenizer.Tokenize(article.Title), "und"), analyzer.Analyze(Tokenizer.Tokenize(article.Body), "und"));
        }
        return stream;
    }

    private static int Zipf(Random random, int n) => Math.Min(n - 1, (int)Math.Exp(random.NextDouble() * Math.Log(n)) - 1);

    private static string Word(Random random) => new([.. Enumerable.Range(0, random.Next(4, 10)).Select(_ => (char)('a' + random.Next(26)))]);
}
