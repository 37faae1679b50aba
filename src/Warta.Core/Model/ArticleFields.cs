namespace Warta.Core.Model;

/// <summary>What a format reader found in one record before cleaning: raw values with the signal each came from.</summary>
/// <remarks>Every value is optional; the body text is cleaned and the missing fields are extracted from it afterwards.</remarks>
public sealed record ArticleFields
{
    /// <summary>The record's source: the path, plus <c>#line N</c> or <c>#record N</c> for multi-record inputs.</summary>
    public required string Source { get; init; }
    /// <summary>Body text; paragraphs are separated by blank lines (a page may also carry its own header lines).</summary>
    public string Text { get; init; } = "";
    public string? Title { get; init; }
    public string? TitleSignal { get; init; }
    public string? Outlet { get; init; }
    public string? OutletSignal { get; init; }
    /// <summary>Publication time as written (ISO 8601, epoch, or an Indonesian date line).</summary>
    public string? Published { get; init; }
    public string? PublishedSignal { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? AuthorsSignal { get; init; }
    public string? Url { get; init; }
    /// <summary>What the reader left unread of an oversized input (e.g. <c>read 4194300 of 62914560 characters of HTML</c>); null when nothing.</summary>
    public string? Truncation { get; init; }
}
