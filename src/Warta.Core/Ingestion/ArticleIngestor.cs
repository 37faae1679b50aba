using Warta.Core.Extraction;
using Warta.Core.Model;

namespace Warta.Core.Ingestion;

/// <summary>Turns one raw input (text page, HTML page, JSONL/CSV records, TimeML file) into clean articles.</summary>
/// <param name="maxInputBytes">Inputs larger than this are refused with an error instead of being read.</param>
public sealed class ArticleIngestor(long maxInputBytes = ArticleIngestor.DefaultMaxInputBytes)
{
    /// <summary>64 MiB: far above any article page or daily JSONL dump, far below what would exhaust memory.</summary>
    public const long DefaultMaxInputBytes = 64L * 1024 * 1024;

    public long MaxInputBytes { get; } = maxInputBytes;

    /// <summary>Outlet names learned from the records read so far by this ingestor (see <see cref="OutletDirectory"/>).</summary>
    /// <remarks>Results can depend on reading order: a page naming only <c>(Antarprov)</c> gets the domain once a record has paired the two.</remarks>
    public OutletDirectory Outlets { get; } = new();

    /// <summary>Decodes, detects the format, parses, cleans and extracts metadata; one outcome per record.</summary>
    /// <remarks>Never throws for bad input: a broken file or record becomes an <see cref="IngestError"/> naming it.</remarks>
    public IReadOnlyList<IngestOutcome> Read(RawDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Content.Length > MaxInputBytes)
        {
            return [IngestOutcome.Failed(new IngestError(document.Source, null, $"file is {document.Content.Length} bytes, more than the limit of {MaxInputBytes}"))];
        }
        var decoded = DocumentDecoder.Decode(document, out var error);
        if (decoded is null) return [IngestOutcome.Failed(error!)];
        var text = decoded.Text;
        var source = document.Source;
        IEnumerable<RecordResult> records = FormatDetector.Detect(source, text) switch
        {
            DocumentFormat.Html => [HtmlPageReader.Read(source, text)],
            DocumentFormat.JsonLines => JsonLinesReader.Read(source, text),
            DocumentFormat.Csv => CsvArticleReader.Read(source, text),
            DocumentFormat.TimeMl => [TimeMlReader.Read(source, text)],
            _ => [RecordResult.Of(new ArticleFields { Source = source, Text = text })],
        };
        var outcomes = new List<IngestOutcome>();
        foreach (var record in records)
        {
            outcomes.Add(record.Fields is null ? IngestOutcome.Failed(record.Error!) : ArticleExtractor.Extract(record.Fields, Outlets));
        }
        // A CSV header without records or a JSONL file of blank lines would otherwise be read as nothing, in silence.
        if (outcomes.Count == 0) outcomes.Add(IngestOutcome.Failed(new IngestError(source, null, "no records found")));
        return outcomes;
    }
}
