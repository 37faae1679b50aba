using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Testing;

namespace Warta.Core.Tests.Golden;

/// <summary>Ingests every file of a folder and compares each result, serialised deterministically, with <c>&lt;name&gt;.json</c> in a golden folder.</summary>
public static class ExtractionGolden
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Verifies every file in <paramref name="inputFolder"/> (any folder of pages/records) against <paramref name="goldenFolder"/>.</summary>
    public static void VerifyFolder(string inputFolder, string goldenFolder)
    {
        var files = Directory.EnumerateFiles(inputFolder).Order(StringComparer.Ordinal).ToList();
        Xunit.Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var outcomes = new ArticleIngestor().Read(new RawDocument(name, File.ReadAllBytes(file)));
            GoldenFile.Verify(Path.Combine(goldenFolder, name + ".json"), Serialize(outcomes));
        }
    }

    /// <summary>Outcomes as indented JSON with keys in ordinal order and invariant formatting.</summary>
    public static string Serialize(IReadOnlyList<IngestOutcome> outcomes)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var outcome in outcomes)
            {
                writer.WriteStartObject();
                if (outcome.Article is { } a)
                {
                    writer.WriteStartArray("authors");
                    foreach (var author in a.Authors) writer.WriteStringValue(author);
                    writer.WriteEndArray();
                    writer.WriteString("id", a.Id);
                    writer.WriteString("language", a.Language);
                    writer.WriteString("outlet", a.Outlet);
                    writer.WriteStartArray("paragraphs");
                    foreach (var paragraph in a.Paragraphs) writer.WriteStringValue(paragraph);
                    writer.WriteEndArray();
                    writer.WriteStartObject("provenance");
                    foreach (var (field, signal) in a.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal)) writer.WriteString(field, signal);
                    writer.WriteEndObject();
                    writer.WriteString("published", a.Published?.ToString());
                    writer.WriteString("source", a.Source);
                    writer.WriteString("title", a.Title);
                    writer.WriteString("url", a.Url);
                }
                else
                {
                    var e = outcome.Error!;
                    writer.WriteString("error", e.Message);
                    writer.WriteString("location", e.Location);
                    writer.WriteString("source", e.Source);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).ToString(CultureInfo.InvariantCulture) + "\n";
    }
}
