using BenchmarkDotNet.Attributes;
using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Evaluation;
using Warta.Evaluation.Clustering;
using Warta.Testing;
using Warta.Text;

namespace Warta.Benchmarks.Clustering;

/// <summary>
/// Clustering alone (analysis done in setup, no store) over the stream <c>warta bench stream</c> replays: the uci-news dev
/// headlines in publication order, replayed with fresh ids, each replay 90 days after the previous one ends. One operation = one headline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 9)]
public class UciStreamBenchmark
{
    private const int Replays = 5;

    /// <summary>Headlines per invocation, for <see cref="BenchmarkAttribute.OperationsPerInvoke"/>: the 3,183 dev headlines per replay.</summary>
    private const int Articles = 3_183 * Replays;

    private (Article Article, AnalyzedText Title, AnalyzedText Body)[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(SharedData.Root ?? throw new InvalidOperationException("shared data not found beside the repository"),
            "stories", "uci-news", "dev.csv");
        using var reader = new StreamReader(path);
        var replay = new StreamReplay(UciNewsReader.Read(reader, path).Select(static l => l.Article));
        var analyzer = Analyzers.Default;
        _stream = [.. Enumerable.Range(0, Replays).SelectMany(replay.Round).Select(article =>
            (article, analyzer.Analyze(Tokenizer.Tokenize(article.Title), article.Language), analyzer.Analyze(Tokenizer.Tokenize(article.Body), article.Language)))];
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int Cluster_uci_headlines()
    {
        if (_stream.Length != Articles) throw new InvalidOperationException($"expected {Articles} articles, read {_stream.Length}");
        var clusterer = new StoryClusterer();
        foreach (var (article, title, body) in _stream) clusterer.Add(article, title, body);
        return clusterer.LiveStoryCount;
    }
}
