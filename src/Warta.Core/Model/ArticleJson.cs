using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Warta.Core.Model;

/// <summary>The stable JSON form of an article: fixed property order, ISO 8601 times, invariant culture.</summary>
/// <remarks>
/// This is the format <c>warta article --json</c> prints and the README documents; equal articles give equal text,
/// so it also serves as a structural comparison of articles (provenance keys are written in ordinal order).
/// </remarks>
public static class ArticleJson
{
    /// <summary>Indented output, non-ASCII letters kept as written (Indonesian names, curly quotes) instead of escaped.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The full article as a JSON string.</summary>
    public static string Serialize(Article article)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, article);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the full article: metadata, provenance, paragraphs, annotations.</summary>
    public static void Write(Utf8JsonWriter writer, Article article)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(article);
        writer.WriteStartObject();
        WriteHeader(writer, article);
        writer.WriteString("language", article.Language);
        writer.WriteStartArray("authors");
        foreach (var author in article.Authors) writer.WriteStringValue(author);
        writer.WriteEndArray();
        writer.WriteString("url", article.Url);
        writer.WriteString("source", article.Source);
        writer.WriteStartObject("provenance");
        foreach (var (field, signal) in article.Provenance.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(field, signal);
        }
        writer.WriteEndObject();
        writer.WriteStartArray("paragraphs");
        foreach (var paragraph in article.Paragraphs) writer.WriteStringValue(paragraph);
        writer.WriteEndArray();
        WriteAnnotations(writer, article.Annotations);
        writer.WriteEndObject();
    }

    /// <summary>Writes the listing form: id, published, precision, outlet, title.</summary>
    public static void WriteSummary(Utf8JsonWriter writer, Article article)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(article);
        writer.WriteStartObject();
        WriteHeader(writer, article);
        writer.WriteEndObject();
    }

    /// <summary>ISO 8601 with the outlet's offset and no trailing zero fraction: <c>2019-03-26T20:34:00+07:00</c>.</summary>
    public static string FormatInstant(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static void WriteHeader(Utf8JsonWriter writer, Article article)
    {
        writer.WriteString("id", article.Id);
        if (article.Published is { } published)
        {
            writer.WriteString("published", FormatInstant(published.Value));
            writer.WriteString("publishedPrecision", published.Precision.ToString().ToLowerInvariant());
        }
        else
        {
            writer.WriteNull("published");
            writer.WriteNull("publishedPrecision");
        }
        writer.WriteString("outlet", article.Outlet);
        writer.WriteString("title", article.Title);
    }

    private static void WriteAnnotations(Utf8JsonWriter writer, ArticleAnnotations annotations)
    {
        writer.WriteStartObject("annotations");
        writer.WriteStartArray("entities");
        foreach (var entity in annotations.Entities)
        {
            writer.WriteStartObject();
            WriteSpan(writer, entity.Start, entity.Length, entity.Text);
            writer.WriteString("type", entity.Type.ToString().ToLowerInvariant());
            writer.WriteString("entityId", entity.EntityId);
            writer.WriteString("canonicalName", entity.CanonicalName);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("times");
        foreach (var time in annotations.Times)
        {
            writer.WriteStartObject();
            WriteTimeFields(writer, time);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("quotes");
        foreach (var quote in annotations.Quotes)
        {
            writer.WriteStartObject();
            WriteQuoteFields(writer, quote);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The properties of one time expression (inside an object the caller opened).</summary>
    public static void WriteTimeFields(Utf8JsonWriter writer, TemporalExpression time)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(time);
        WriteSpan(writer, time.Start, time.Length, time.Text);
        writer.WriteString("type", time.Type.ToString().ToLowerInvariant());
        writer.WriteString("value", time.Value);
        // Written only when the text names a zone, so time objects without one keep their shape.
        if (time.UtcOffset is not null) writer.WriteString("utcOffset", time.UtcOffset);
    }

    /// <summary>The properties of one quote (inside an object the caller opened).</summary>
    public static void WriteQuoteFields(Utf8JsonWriter writer, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(quote);
        WriteSpan(writer, quote.Start, quote.Length, quote.Text);
        writer.WriteString("speaker", quote.Speaker);
        writer.WriteString("speakerEntityId", quote.SpeakerEntityId);
        writer.WriteString("speakerRole", quote.SpeakerRole);
        writer.WriteString("kind", quote.Kind.ToString().ToLowerInvariant());
        writer.WriteString("cue", quote.Cue);
    }

    private static void WriteSpan(Utf8JsonWriter writer, int start, int length, string text)
    {
        writer.WriteNumber("start", start);
        writer.WriteNumber("length", length);
        writer.WriteString("text", text);
    }
}
