using Warta.Core.Ingestion;
using Warta.Core.Model;

namespace Warta.Evaluation;

/// <summary>The Kompas story-grouping check: a thread file (<c>docid&lt;TAB&gt;thread</c>) and TimeML articles read through <see cref="ArticleIngestor"/>.</summary>
public static class KompasThreads
{
    /// <summary>Document id → thread, from the tab-separated thread file.</summary>
    public static IReadOnlyDictionary<string, string> ReadThreads(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var threads = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length >= 2 && parts[0].Trim().Length > 0) threads[parts[0].Trim()] = parts[1].Trim();
        }
        return threads;
    }

    /// <summary>Ingests the <c>.tml</c> documents and labels each article with the thread of its document id (the file name without extension).</summary>
    /// <returns>The labeled articles, and an error line for every document that could not be read or has no thread.</returns>
    public static (IReadOnlyList<LabeledArticle> Articles, IReadOnlyList<string> Errors) Label(
        IEnumerable<RawDocument> documents, IReadOnlyDictionary<string, string> threads, ArticleIngestor ingestor)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(ingestor);
        var articles = new List<Article>();
        var errors = new List<string>();
        foreach (var document in documents)
        {
            foreach (var outcome in ingestor.Read(document))
            {
                if (outcome.Article is { } article) articles.Add(article);
                else if (outcome.Error is { } error) errors.Add(error.ToString());
            }
        }
        return (Label(articles, threads, errors), errors);
    }

    /// <summary>Labels articles already read with the thread of their document id; articles without a thread are reported, not scored.</summary>
    public static IReadOnlyList<LabeledArticle> Label(IEnumerable<Article> articles, IReadOnlyDictionary<string, string> threads, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(errors);
        var labeled = new List<LabeledArticle>();
        foreach (var article in articles)
        {
            var docId = DocumentId(article.Source);
            if (threads.TryGetValue(docId, out var thread)) labeled.Add(new LabeledArticle(article, thread));
            else errors.Add($"{article.Source}: no thread for document '{docId}'");
        }
        return labeled;
    }

    /// <summary>File name without directory, extension or <c>#record</c> suffix: <c>a/b/20131018-0725521.tml</c> → <c>20131018-0725521</c>.</summary>
    public static string DocumentId(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        var path = hash >= 0 ? source[..hash] : source;
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        var name = path[(slash + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
