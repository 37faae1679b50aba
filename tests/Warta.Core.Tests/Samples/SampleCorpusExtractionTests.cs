using Warta.Core.Ingestion;
using Warta.Core.Tests.Golden;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Samples;

public class SampleCorpusExtractionTests
{
    private static readonly string Corpus = RepoPaths.Combine("samples", "corpus");

    [Theory]
    [InlineData("txt")]
    [InlineData("html")]
    [InlineData("records")]
    public void Should_extract_the_sample_corpus_exactly_as_recorded(string folder)
    {
        ExtractionGolden.VerifyFolder(Path.Combine(Corpus, folder), RepoPaths.Combine("tests", "Warta.Core.Tests", "Golden", "sample-corpus", folder));
    }

    [Fact]
    public void Should_agree_with_the_hand_written_metadata_of_every_sample_article()
    {
        // Given the corpus writers' own record of each article's title, outlet, publication time and authors
        var expected = File.ReadAllLines(Path.Combine(Corpus, "expected.tsv")).Skip(1).Where(static l => l.Length > 0)
            .Select(static l => l.Split('\t'))
            .ToDictionary(static f => f[0], static f => f, StringComparer.Ordinal);
        var ingestor = new ArticleIngestor();
        var misses = new List<string>();
        var seen = 0;

        // When every file is ingested
        foreach (var file in Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(file) is ".md" or ".tsv" || Path.GetFileName(file).StartsWith('.')) continue;
            foreach (var outcome in ingestor.Read(new RawDocument(file, File.ReadAllBytes(file))))
            {
                var article = outcome.Article!;
                var parts = article.Source.Split('#');
                var key = Path.GetRelativePath(Corpus, parts[0]).Replace('\\', '/') + (parts.Length > 1 ? "#" + parts[1] : "");
                var want = expected[key];
                seen++;
                Check(misses, key, "title", want[1], article.Title);
                Check(misses, key, "outlet", want[2], article.Outlet);
                Check(misses, key, "published", want[3], article.Published?.ToString() ?? "");
                Check(misses, key, "authors", want.Length > 4 ? want[4] : "", string.Join(";", article.Authors));
            }
        }

        // Then the fields agree at least as often as the pinned floor (the misses are printed for review)
        Assert.Equal(expected.Count, seen);
        var accuracy = 1.0 - ((double)misses.Count / (seen * 4));
        TestContext.Current.SendDiagnosticMessage($"sample metadata field accuracy {accuracy:F3}");
        Assert.True(accuracy >= Baseline.Floor("metadata.sample.fieldAccuracy"), $"field accuracy {accuracy:F3}; misses:\n" + string.Join("\n", misses));
    }

    private static void Check(List<string> misses, string key, string field, string want, string got)
    {
        if (!string.Equals(want, got, StringComparison.Ordinal)) misses.Add($"{key} {field}: expected '{want}', got '{got}'");
    }
}
