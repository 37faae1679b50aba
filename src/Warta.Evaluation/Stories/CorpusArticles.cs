using Warta.Core.Entities;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;

namespace Warta.Evaluation.Stories;

/// <summary>The articles of a corpus folder (such as <c>samples/corpus</c>) annotated as <c>warta ingest</c> annotates them, keyed as its
/// <c>stories.tsv</c> names them (<c>txt/a.txt</c>, <c>records/feed-2025.jsonl#line 1</c>).</summary>
public static class CorpusArticles
{
    /// <summary>Every article under <paramref name="folder"/> (notes and gold tables left out), in ingest order, with its key.</summary>
    public static IReadOnlyList<(string Key, Article Article)> Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var ingestor = new ArticleIngestor();
        var annotation = new AnnotationStage(EntityTagger.Shipped);
        var articles = new List<(string, Article)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(file) is ".md" or ".tsv" || Path.GetFileName(file).StartsWith('.')) continue;
            foreach (var outcome in ingestor.Read(new RawDocument(file, File.ReadAllBytes(file))))
            {
                if (outcome.Article is { } article) articles.Add((KeyOf(folder, article.Source), annotation.Process(article)));
            }
        }
        return articles;
    }

    /// <summary>The key of an article whose source is <paramref name="source"/> (a path, maybe with <c>#line 1</c>), relative to <paramref name="folder"/>.</summary>
    public static string KeyOf(string folder, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? source : source[..hash];
        return Path.GetRelativePath(folder, path).Replace('\\', '/') + (hash < 0 ? "" : source[hash..]);
    }

    /// <summary>The story key of each article key, from <c>stories.tsv</c> (columns source, story_key, copy_of).</summary>
    public static IReadOnlyDictionary<string, string> StoryKeys(string storiesTsv)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(storiesTsv).Skip(1))
        {
            if (line.Length == 0) continue;
            var columns = line.Split('\t');
            keys[columns[0]] = columns[1];
        }
        return keys;
    }
}
