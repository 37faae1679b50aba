using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Golden;

public class GoldenExtractionTests
{
    [Fact]
    public void Should_extract_the_fixture_pages_exactly_as_recorded()
    {
        var root = RepoPaths.Combine("tests", "Warta.Core.Tests", "Golden");

        ExtractionGolden.VerifyFolder(Path.Combine(root, "inputs"), Path.Combine(root, "expected"));
    }

    [Fact]
    public void Should_serialise_the_same_outcomes_identically()
    {
        var page = System.Text.Encoding.UTF8.GetBytes("Judul Berita yang Panjang\n\nIsi berita ini pendek saja.");
        var first = ExtractionGolden.Serialize(new Warta.Core.Ingestion.ArticleIngestor().Read(new("a.txt", page)));
        var second = ExtractionGolden.Serialize(new Warta.Core.Ingestion.ArticleIngestor().Read(new("a.txt", page)));

        Assert.Equal(first, second);
        Assert.Contains("\"title\": \"Judul Berita yang Panjang\"", first, StringComparison.Ordinal);
    }
}
