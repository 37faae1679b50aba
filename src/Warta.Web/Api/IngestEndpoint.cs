using System.Globalization;
using System.Net.Mime;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Ingestion;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary><c>POST /api/v1/articles</c>: a JSON record (the JSON Lines record <c>warta ingest</c> reads), an array of them, or one page, read, annotated and placed by the process's one writer, and answered after the commit.</summary>
/// <remarks>A body that is not what its Content-Type says (broken JSON, an array of non-objects, an unknown type) is
/// refused whole with a problem and nothing is submitted. A well-formed record the reader cannot use (no title, say) is
/// reported with its document; the others are stored. 201 when anything new was stored, 200 when all was stored already,
/// 422 when nothing could be stored.</remarks>
internal static partial class IngestEndpoint
{
    /// <summary>Header naming a posted page (its file name or URL) when <c>?source=</c> is not given.</summary>
    public const string SourceHeader = "X-Warta-Source";

    public static async Task<IResult> PostAsync(
        HttpContext http, IIngestService ingest, IOptions<ApiOptions> options, ILoggerFactory loggers, string? source, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Warta.Web.Api.Ingest");
        var keyName = http.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous";
        var limit = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit) return TooLarge(limit);
        var body = await ReadBodyAsync(http.Request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (body is null) return TooLarge(limit);
        var mediaType = MediaType(http.Request.ContentType);
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture);
        List<RawDocument> documents;
        switch (mediaType)
        {
            case "application/json" or "application/x-ndjson" or "application/jsonl":
                if (!TryRecords(body, $"api/{keyName}/{stamp}", out documents, out var problem)) return problem!;
                break;
            case "text/html" or "application/xhtml+xml":
                documents = [new RawDocument(PageSource(http, source, keyName, stamp, ".html"), body)];
                break;
            case "text/plain":
                documents = [new RawDocument(PageSource(http, source, keyName, stamp, ".txt"), body)];
                break;
            default:
                return Results.Problem(
                    $"Content-Type must be application/json (a record or an array of records), text/html or text/plain, not '{http.Request.ContentType ?? "(none)"}'",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }
        // Not the request's token: once taken, the documents are committed even when the client goes away.
        var results = await ingest.SubmitCommittedAsync(documents, cancellationToken).ConfigureAwait(false);
        var stored = results.Sum(static d => d.Articles.Count);
        var fresh = results.Sum(static d => d.Articles.Count(static a => a.New));
        var failed = results.Sum(static d => d.Errors.Count);
        // Per POST at Debug (at 50 posts a second one line each would drown the log); a post with rejected records at Information.
        if (failed > 0) LogRejected(logger, keyName, documents.Count, fresh, stored - fresh, failed);
        else LogIngested(logger, keyName, documents.Count, fresh, stored - fresh);
        var answer = ApiJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("new", fresh);
            w.WriteNumber("duplicate", stored - fresh);
            w.WriteNumber("failed", failed);
            w.WriteStartArray("documents");
            foreach (var document in results)
            {
                w.WriteStartObject();
                w.WriteString("source", document.Source);
                w.WriteStartArray("articles");
                foreach (var article in document.Articles)
                {
                    w.WriteStartObject();
                    w.WriteString("id", article.Id);
                    w.WriteString("story", article.StoryId);
                    w.WriteBoolean("new", article.New);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("errors");
                foreach (var error in document.Errors) w.WriteStringValue(error.ToString());
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        if (stored == 0)
        {
            return Results.Problem(
                "nothing could be stored: " + string.Join("; ", results.SelectMany(static d => d.Errors).Select(static e => e.ToString()).Take(5)),
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unprocessable content");
        }
        var status = fresh > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return Results.Text(answer, "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    private static IResult TooLarge(long limit) => Results.Problem(
        string.Create(CultureInfo.InvariantCulture, $"the body is larger than the {limit} bytes this server takes (Api:MaxBodyBytes)"),
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    private static string? MediaType(string? contentType)
    {
        if (contentType is null) return null;
        try
        {
            return new ContentType(contentType).MediaType.ToLowerInvariant();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        // Pooled: a new 80 KB chunk per POST was one of the larger allocations of a server taking 50 POSTs a second.
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    /// <summary>One JSON Lines document per record (so each record's articles and errors are told apart); a problem when the body is not a record or an array of records.</summary>
    private static bool TryRecords(byte[] body, string source, out List<RawDocument> documents, out IResult? problem)
    {
        documents = [];
        problem = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var records = json.RootElement.ValueKind switch
            {
                JsonValueKind.Object => [json.RootElement],
                JsonValueKind.Array => json.RootElement.EnumerateArray().ToList(),
                _ => null,
            };
            if (records is null || records.Count == 0 || records.Any(static r => r.ValueKind != JsonValueKind.Object))
            {
                problem = ApiResults.BadRequest("the body must be a JSON object (one record) or a non-empty array of objects");
                return false;
            }
            for (var i = 0; i < records.Count; i++)
            {
                using var line = new MemoryStream();
                using (var writer = new Utf8JsonWriter(line))
                {
                    records[i].WriteTo(writer);
                }
                documents.Add(new RawDocument(string.Create(CultureInfo.InvariantCulture, $"{source}-{i + 1}.jsonl"), line.ToArray()));
            }
            return true;
        }
        catch (JsonException ex)
        {
            problem = ApiResults.BadRequest($"malformed JSON: {ex.Message}");
            return false;
        }
    }

    /// <summary>The posted page's name: <c>?source=</c>, the header, or one made up; with the extension its Content-Type says, so the reader takes it as that.</summary>
    private static string PageSource(HttpContext http, string? source, string keyName, string stamp, string extension)
    {
        var name = source ?? (string?)http.Request.Headers[SourceHeader] ?? $"api/{keyName}/{stamp}";
        var current = Path.GetExtension(name).ToLowerInvariant();
        var matches = extension == ".html" ? current is ".html" or ".htm" or ".xhtml" : current == ".txt";
        return matches ? name : name + extension;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "ingest by key '{Key}': {Documents} documents, {New} new, {Duplicate} duplicate")]
    private static partial void LogIngested(ILogger logger, string key, int documents, int @new, int duplicate);

    [LoggerMessage(Level = LogLevel.Information, Message = "ingest by key '{Key}': {Documents} documents, {New} new, {Duplicate} duplicate, {Failed} records rejected")]
    private static partial void LogRejected(ILogger logger, string key, int documents, int @new, int duplicate, int failed);
}
