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
        var source = document.Source;
        var cut = CutSinglePage(document, out var format);
        var decoded = DocumentDecoder.Decode(cut ?? document, out var error);
        if (decoded is null) return [IngestOutcome.Failed(error!)];
        var text = decoded.Text;
        format ??= FormatDetector.Detect(source, text);
        var truncation = cut is null ? null : $"read {cut.Content.Length} of {document.Content.Length} bytes";
        IEnumerable<RecordResult> records = format switch
        {
            DocumentFormat.Html => [WithHints(NoteCut(HtmlPageReader.Read(source, text), truncation), document.Hints)],
            DocumentFormat.JsonLines => JsonLinesReader.Read(source, text),
            DocumentFormat.Csv => CsvArticleReader.Read(source, text),
            DocumentFormat.TimeMl => [TimeMlReader.Read(source, text)],
            _ => [RecordResult.Of(new ArticleFields { Source = source, Text = text, Truncation = truncation })],
        };
        var outcomes = new List<IngestOutcome>();
        foreach (var record in records)
        {
            var outcome = record.Fields is null ? IngestOutcome.Failed(record.Error!) : ArticleExtractor.Extract(record.Fields, Outlets);
            // A page fetched again: what it reads as now supersedes the article the previous fetch became (the placer records it).
            if (document.Hints?.Revises is { } revises && outcome.Article is { } article && !string.Equals(article.Id, revises, StringComparison.Ordinal))
            {
                outcome = IngestOutcome.Of(article with { Revises = revises });
            }
            outcomes.Add(outcome);
        }
        // A CSV header without records or a JSONL file of blank lines would otherwise be read as nothing, in silence.
        if (outcomes.Count == 0) outcomes.Add(IngestOutcome.Failed(new IngestError(source, null, "no records found")));
        return outcomes;
    }

    /// <summary>A page's fields with the feed's signals filling what the page's own metadata left empty (the page wins where it has a value).</summary>
    private static RecordResult WithHints(RecordResult record, DocumentHints? hints)
    {
        if (hints is null || record.Fields is not { } fields) return record;
        var filled = fields;
        if (string.IsNullOrWhiteSpace(fields.Url) && hints.Url is not null) filled = filled with { Url = hints.Url };
        if (string.IsNullOrWhiteSpace(fields.Title) && hints.Title is not null) filled = filled with { Title = hints.Title, TitleSignal = hints.Signal };
        if (string.IsNullOrWhiteSpace(fields.Outlet) && hints.Outlet is not null) filled = filled with { Outlet = hints.Outlet, OutletSignal = hints.Signal };
        if (!PublicationDateParser.TryParseValue(fields.Published, out _) && hints.Published is { } published)
        {
            filled = filled with { Published = published.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), PublishedSignal = hints.Signal };
        }
        if (fields.Authors.Count == 0 && hints.Author is not null) filled = filled with { Authors = [hints.Author], AuthorsSignal = hints.Signal };
        return ReferenceEquals(filled, fields) ? record : RecordResult.Of(filled);
    }

    /// <summary>
    /// The start of a single-page input (HTML or text page) too long to be read whole, cut after a line or before a tag,
    /// with its format; null (and the format when it is already known) otherwise.
    /// </summary>
    /// <remarks>
    /// Only the start of such a page is ever read (<see cref="HtmlPageReader.MaxHtmlChars"/>,
    /// <see cref="PageCleaner.MaxTextChars"/>), so decoding all of a 60 MB page into a 120 MB string would be spent for
    /// nothing. Records (JSONL, CSV) and TimeML are decoded whole; so is UTF-16, where a byte cut needs more care than it is worth.
    /// </remarks>
    private static RawDocument? CutSinglePage(RawDocument document, out DocumentFormat? format)
    {
        format = null;
        var bytes = document.Content.Span;
        if (bytes.Length <= Math.Min(HtmlPageReader.MaxHtmlChars, PageCleaner.MaxTextChars)) return null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return null;
        // The format from the extension, or by sniffing the start (all the sniffer reads anyway).
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        format = FormatDetector.Detect(document.Source, System.Text.Encoding.UTF8.GetString(head));
        var limit = format switch
        {
            DocumentFormat.Html => HtmlPageReader.MaxHtmlChars,
            DocumentFormat.TextPage => PageCleaner.MaxTextChars,
            _ => int.MaxValue,
        };
        if (bytes.Length <= limit) return null;
        // ASCII '<' and '\n' never occur inside a UTF-8 sequence, so a cut before them leaves whole characters.
        var window = bytes[(limit - Math.Min(limit, 64 * 1024))..limit];
        var at = format == DocumentFormat.Html ? window.LastIndexOf((byte)'<') : -1;
        if (at < 0) at = window.LastIndexOf((byte)'\n') + 1;
        var end = at > 0 ? limit - window.Length + at : Utf8Boundary(bytes, limit);
        return new RawDocument(document.Source, document.Content[..end]);
    }

    /// <summary>The largest index at most <paramref name="limit"/> that does not split a UTF-8 sequence.</summary>
    private static int Utf8Boundary(ReadOnlySpan<byte> bytes, int limit)
    {
        var end = limit;
        // Back over continuation bytes (10xxxxxx) to the lead byte, which then starts the cut-off part.
        while (end > 0 && limit - end < 4 && (bytes[end] & 0xC0) == 0x80) end--;
        return end;
    }

    private static RecordResult NoteCut(RecordResult record, string? truncation) =>
        truncation is null || record.Fields is not { } fields
            ? record
            : RecordResult.Of(fields with { Truncation = fields.Truncation is null ? truncation : truncation + "; " + fields.Truncation });
}
