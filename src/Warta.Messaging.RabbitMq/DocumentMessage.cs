using System.Text.Json;
using Warta.Core.Ingestion;

namespace Warta.Messaging.RabbitMq;

/// <summary>A raw document on the wire: <c>{"source", "content" (base64), "hints"}</c> as UTF-8 JSON.</summary>
/// <remarks>An envelope rather than the bare bytes, so a message that is not one of ours is told apart from a page that
/// fails to read (the first is dead-lettered by the consumer, the second is an ingest error of the document).</remarks>
internal static class DocumentMessage
{
    public static byte[] Encode(RawDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("source", document.Source);
            writer.WriteBase64String("content", document.Content.Span);
            if (document.Hints is { } hints)
            {
                writer.WriteStartObject("hints");
                writer.WriteString("url", hints.Url);
                writer.WriteString("title", hints.Title);
                WireJson.WriteTime(writer, "published", hints.Published);
                writer.WriteString("author", hints.Author);
                writer.WriteString("outlet", hints.Outlet);
                writer.WriteString("signal", hints.Signal);
                if (hints.Revises is { } revises) writer.WriteString("revises", revises);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The body is not a document message.</exception>
    public static RawDocument Decode(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var source = WireJson.RequiredString(root, "source");
            if (!root.TryGetProperty("content", out var content) || !content.TryGetBytesFromBase64(out var bytes))
            {
                throw new InvalidDataException("'content' is missing or not base64");
            }
            DocumentHints? hints = null;
            if (root.TryGetProperty("hints", out var h) && h.ValueKind == JsonValueKind.Object)
            {
                hints = new DocumentHints(
                    WireJson.OptionalString(h, "url"), WireJson.OptionalString(h, "title"), WireJson.ReadTime(h, "published"),
                    WireJson.OptionalString(h, "author"), WireJson.OptionalString(h, "outlet"), WireJson.OptionalString(h, "signal") ?? "feed-item")
                {
                    Revises = WireJson.OptionalString(h, "revises"),
                };
            }
            return new RawDocument(source, bytes) { Hints = hints };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"not a document message: {ex.Message}", ex);
        }
    }
}
