using Warta.Core.Ingestion;
using Warta.Evaluation.Clustering;

namespace Warta.Evaluation.Search;

/// <summary>The labeled sets <c>warta eval search</c> reads, each through the real ingestor as the clustering evaluation reads them.</summary>
public static class RelevanceSets
{
    /// <summary>The records of a labeled JSON Lines file (ECB+ dev: all its topics).</summary>
    public static IReadOnlyList<LabeledArticle> JsonLines(string path) =>
        LabeledJsonLines.Read(File.ReadAllLines(path), Path.GetFileName(path), out _);

    /// <summary>The Kompas articles of <c>kompas-dev/</c> in <paramref name="folder"/>, labeled by <c>kompas-dev-threads.tsv</c> beside it.</summary>
    public static IReadOnlyList<LabeledArticle> Kompas(string folder)
    {
        using var reader = new StreamReader(Path.Combine(folder, "kompas-dev-threads.tsv"));
        var threads = KompasThreads.ReadThreads(reader);
        var documents = Directory.EnumerateFiles(Path.Combine(folder, "kompas-dev"), "*.tml").Order(StringComparer.Ordinal)
            .Select(static path => new RawDocument(path, File.ReadAllBytes(path)));
        return KompasThreads.Label(documents, threads, new ArticleIngestor()).Articles;
    }

    /// <summary>Whether <paramref name="folder"/> holds the Kompas thread file and articles.</summary>
    public static bool HasKompas(string folder) =>
        File.Exists(Path.Combine(folder, "kompas-dev-threads.tsv")) && Directory.Exists(Path.Combine(folder, "kompas-dev"));

    /// <summary>The hand-written hard cases (<c>hardcases.jsonl</c> in <paramref name="folder"/>).</summary>
    public static IReadOnlyList<LabeledArticle> HardCases(string folder) => JsonLines(Path.Combine(folder, "hardcases.jsonl"));
}
