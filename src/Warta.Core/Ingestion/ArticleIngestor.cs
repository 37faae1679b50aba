namespace Warta.Core.Ingestion;

/// <summary>Turns one raw input (text page, HTML page, JSONL/CSV records, TimeML file) into clean articles.</summary>
public sealed class ArticleIngestor
{
    /// <summary>Decodes, detects the format, parses, cleans and extracts metadata; one outcome per record.</summary>
    /// <remarks>Never throws for bad input: a broken file or record becomes an <see cref="IngestError"/> naming it.</remarks>
    public IReadOnlyList<IngestOutcome> Read(RawDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        throw new NotImplementedException("format readers land with the ingestion work (issue 2)");
    }
}
