using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Testing;
using Warta.Text;

namespace Warta.Core.Tests.Clustering;

/// <summary>Builds small articles and runs them through a clusterer with the default analyser.</summary>
internal static class StreamArticles
{
    public static Article Make(string id, string title, string body, DateTimeOffset published, string outlet = "contoh.id", string language = "id") => new()
    {
        Id = id,
        Title = title,
        Outlet = outlet,
        Published = new PublicationTime(published, TimePrecision.Minute),
        Language = language,
        Paragraphs = body.Length == 0 ? [] : [body],
        Source = id + ".txt",
    };

    public static ClusteringResult Place(StoryClusterer clusterer, Article article) =>
        clusterer.Add(article, Analyzers.Default.Analyze(Tokenizer.Tokenize(article.Title), article.Language), Analyzers.Default.Analyze(Tokenizer.Tokenize(article.Body), article.Language));
}
