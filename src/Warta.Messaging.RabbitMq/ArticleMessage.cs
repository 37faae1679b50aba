using System.Text.Json;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Messaging.RabbitMq;

/// <summary>An annotated article on the wire: its fields and annotations as UTF-8 JSON, the annotations in the stores' own column form (<see cref="StoreJson"/>).</summary>
/// <remarks>The placer stores what it reads here, so the round trip must be exact: times keep their offset, lists their order.</remarks>
internal static class ArticleMessage
{
    public static byte[] Encode(Article article)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", article.Id);
            writer.WriteString("title", article.Title);
            writer.WriteString("outlet", article.Outlet);
            writer.WriteString("language", article.Language);
            writer.WriteString("url", article.Url);
            writer.WriteString("source", article.Source);
            // The placer records the previous revision as superseded (a followed page fetched again with changed text).
            if (article.Revises is { } revises) writer.WriteString("revises", revises);
            WireJson.WriteTime(writer, "published", article.Published);
            writer.WriteStartArray("authors");
            foreach (var author in article.Authors) writer.WriteStringValue(author);
            writer.WriteEndArray();
            writer.WriteStartArray("paragraphs");
            foreach (var paragraph in article.Paragraphs) writer.WriteStringValue(paragraph);
            writer.WriteEndArray();
            writer.WriteStartObject("provenance");
            foreach (var (field, signal) in article.Provenance.OrderBy(static p => p.Key, StringComparer.Ordinal)) writer.WriteString(field, signal);
            writer.WriteEndObject();
            writer.WritePropertyName("annotations");
            writer.WriteRawValue(StoreJson.Annotations(article.Annotations), skipInputValidation: true);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The body is not an article message.</exception>
    public static Article Decode(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var provenance = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in p.EnumerateObject()) provenance[field.Name] = field.Value.GetString() ?? "";
            }
            var annotations = ArticleAnnotations.Empty;
            if (root.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
            {
                annotations = a.Deserialize(StoreJsonContext.Default.ArticleAnnotations) ?? ArticleAnnotations.Empty;
            }
            var article = new Article
            {
                Id = WireJson.RequiredString(root, "id"),
                Title = WireJson.RequiredString(root, "title"),
                Outlet = WireJson.RequiredString(root, "outlet"),
                Language = WireJson.OptionalString(root, "language") ?? "und",
                Url = WireJson.OptionalString(root, "url"),
                Source = WireJson.RequiredString(root, "source"),
                Revises = WireJson.OptionalString(root, "revises"),
                Published = WireJson.ReadTime(root, "published"),
                Authors = WireJson.Strings(root, "authors"),
                Paragraphs = WireJson.Strings(root, "paragraphs"),
                Provenance = provenance,
                Annotations = annotations,
            };
            // The id is the content hash: a message whose content does not match it would be stored under a wrong key.
            var expected = ArticleId.Of(article.Title, article.Paragraphs);
            if (!string.Equals(expected, article.Id, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"id '{article.Id}' is not the content hash '{expected}'");
            }
            return article;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"not an article message: {ex.Message}", ex);
        }
    }
}
