using Warta.Core.Clustering;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Evaluation;
using Warta.Evaluation.Clustering;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Samples;

public class SampleCorpusStoriesTests
{
    private static readonly string Corpus = RepoPaths.Combine("samples", "corpus");

    [Fact]
    public void Should_form_the_stories_the_corpus_was_written_with_for_every_Indonesian_article()
    {
        // Given the sample corpus and its gold story labels
        var gold = Gold();
        var articles = Ingest();

        // When the articles stream through the clusterer in publication order
        var predicted = Cluster(articles);

        // Then every Indonesian article's story is exactly the gold partition, copies linked to their originals
        var indonesian = articles.Where(static a => a.Language == "id").Select(a => Key(a.Source)).ToList();
        Assert.Equal(41, indonesian.Count);
        foreach (var a in indonesian)
        {
            foreach (var b in indonesian)
            {
                var sameGold = gold[a].Story == gold[b].Story;
                var samePredicted = predicted[a].StoryId == predicted[b].StoryId;
                Assert.True(sameGold == samePredicted, $"{a} and {b}: gold {(sameGold ? "together" : "apart")}, predicted {(samePredicted ? "together" : "apart")}");
            }
        }
        // Every article linked as a copy is linked to its true original; the heavier rewrite of the Lamaru report
        // (wartatimur, 25 Feb) stays above the SimHash distance limit and counts as a story member only (measured).
        var copies = gold.Where(static g => g.Value.CopyOf.Length > 0).ToList();
        var linked = 0;
        foreach (var (source, label) in copies)
        {
            if (predicted[source].CopyOfArticleId is not { } copyOf) continue;
            linked++;
            Assert.Equal(label.CopyOf, Key(articles.Single(a => a.Id == copyOf).Source));
        }
        Assert.True(linked >= 2, $"{linked} of {copies.Count} copies linked");
        Assert.Equal(0, predicted.Count(p => p.Value.CopyOfArticleId is not null && gold[p.Key].CopyOf.Length == 0));
    }

    [Fact]
    public void Should_score_high_B_cubed_over_the_whole_corpus_including_English_reports()
    {
        var gold = Gold();
        var articles = Ingest();
        var predicted = Cluster(articles);
        var keys = gold.Keys.Order(StringComparer.Ordinal).ToList();

        var score = ClusteringMetrics.BCubed([.. keys.Select(k => gold[k].Story)], [.. keys.Select(k => predicted[k].StoryId)]);

        // Measured 0.97: the only miss is the English wire report of the eruption, which starts a story of its own.
        Assert.True(score.F1 >= 0.95, $"B-cubed F1 {score.F1:F3}");
    }

    private static Dictionary<string, (string Story, string CopyOf)> Gold() =>
        File.ReadAllLines(Path.Combine(Corpus, "stories.tsv")).Skip(1).Where(static l => l.Length > 0)
            .Select(static l => l.Split('\t'))
            .ToDictionary(static f => f[0], static f => (f[1], f.Length > 2 ? f[2] : ""), StringComparer.Ordinal);

    private static List<Article> Ingest()
    {
        var ingestor = new ArticleIngestor();
        var articles = new List<Article>();
        foreach (var file in Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(file) is ".md" or ".tsv" || Path.GetFileName(file).StartsWith('.')) continue;
            foreach (var outcome in ingestor.Read(new RawDocument(file, File.ReadAllBytes(file))))
            {
                Assert.Null(outcome.Error);
                articles.Add(outcome.Article!);
            }
        }
        return articles;
    }

    private static Dictionary<string, StoryAssignment> Cluster(List<Article> articles)
    {
        var clusterer = new StoryClusterer();
        var analyzer = Analyzers.Default;
        var result = new Dictionary<string, StoryAssignment>(StringComparer.Ordinal);
        foreach (var article in StreamOrder.Sort(articles))
        {
            var placed = clusterer.Add(article, analyzer.Analyze(Tokenizer.Tokenize(article.Title), article.Language), analyzer.Analyze(Tokenizer.Tokenize(article.Body), article.Language));
            result[Key(article.Source)] = placed.Assignment;
        }
        return result;
    }

    /// <summary>The label file's key: path relative to the corpus, with '#line N'/'#record N' kept.</summary>
    private static string Key(string source) => Path.GetRelativePath(Corpus, source.Split('#')[0]).Replace('\\', '/') + (source.Contains('#', StringComparison.Ordinal) ? "#" + source.Split('#')[1] : "");
}
