namespace Warta.Core.Ingestion;

/// <summary>The bytes of one input as read from disk or the network, before decoding; the pipeline's entry type.</summary>
/// <param name="Source">Name shown in errors and stored as the article's source (usually the file path).</param>
/// <param name="Content">The raw bytes; decoding (UTF-8, UTF-16 with BOM, Windows-1252, or the server's <see cref="Charset"/>) happens in ingestion.</param>
public sealed record RawDocument(string Source, ReadOnlyMemory<byte> Content)
{
    /// <summary>What a feed said about this page (a followed source's item); null for a file.</summary>
    public DocumentHints? Hints { get; init; }

    /// <summary>The charset the server named in <c>Content-Type</c> (a fetched page); null for a file or when none was sent. <see cref="DocumentDecoder"/> follows it where the bytes allow.</summary>
    public string? Charset { get; init; }
}
