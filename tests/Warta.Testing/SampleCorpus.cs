using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;

namespace Warta.Testing;

/// <summary>The articles of <c>samples/corpus</c>, read as <c>warta ingest</c> reads them (files in ordinal path order).</summary>
public static class SampleCorpus
{
    private static readonly Lazy<IReadOnlyList<Article>> Plain = new(() => Read(annotate: false));
    private static readonly Lazy<IReadOnlyList<Article>> Annotated = new(() => Read(annotate: true));

    public static string Folder { get; } = RepoPaths.Combine("samples", "corpus");

    /// <summary>Every article of the corpus; with <paramref name="annotated"/>, with entities, times and quotes as ingest stores them.</summary>
    public static IReadOnlyList<Article> Articles(bool annotated = true) => annotated ? Annotated.Value : Plain.Value;

    /// <summary>The corpus' article files as raw documents, in the order <c>warta ingest</c> reads them (notes and gold tables left out).</summary>
    public static IReadOnlyList<RawDocument> Documents() =>
        [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(static f => Path.GetExtension(f) is not (".md" or ".tsv") && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(static f => new RawDocument(f, File.ReadAllBytes(f)))];

    private static List<Article> Read(bool annotate)
    {
        var ingestor = new ArticleIngestor();
        var annotation = annotate ? new AnnotationStage(EntityTagger.Shipped) : null;
        var articles = new List<Article>();
        foreach (var document in Documents())
        {
            foreach (var outcome in ingestor.Read(document))
            {
                if (outcome.Article is { } article) articles.Add(annotation is null ? article : annotation.Process(article));
            }
        }
        return articles;
    }
}
