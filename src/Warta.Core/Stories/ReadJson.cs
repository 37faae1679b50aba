using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>The read side's JSON text, written as <see cref="ArticleJson"/> writes (indented, non-ASCII letters kept), so the CLI and an API print the same bytes.</summary>
public static class ReadJson
{
    public static string Serialize(StoryJson story) => Write(story, StoriesJsonContext.Default.StoryJson);

    public static string Serialize(IReadOnlyList<StorySummaryJson> stories) => Write(stories, StoriesJsonContext.Default.IReadOnlyListStorySummaryJson);

    public static string Serialize(IReadOnlyList<ArticleSummaryJson> articles) => Write(articles, StoriesJsonContext.Default.IReadOnlyListArticleSummaryJson);

    public static string Serialize(IReadOnlyList<EntityJson> entities) => Write(entities, StoriesJsonContext.Default.IReadOnlyListEntityJson);

    public static string Serialize(IReadOnlyList<EntityDetailJson> entities) => Write(entities, StoriesJsonContext.Default.IReadOnlyListEntityDetailJson);

    public static string Serialize(Corrections.StoryCorrectionJson correction) => Write(correction, StoriesJsonContext.Default.StoryCorrectionJson);

    public static string Serialize(IReadOnlyList<Corrections.StoryCorrectionJson> corrections) =>
        Write(corrections, StoriesJsonContext.Default.IReadOnlyListStoryCorrectionJson);

    /// <summary>The full article (metadata, provenance, paragraphs, annotations), as <see cref="ArticleJson.Serialize"/> gives it.</summary>
    public static string Serialize(Article article) => ArticleJson.Serialize(article);

    private static string Write<T>(T value, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ArticleJson.WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, type);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
