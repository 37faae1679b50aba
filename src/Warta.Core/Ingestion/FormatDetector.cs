namespace Warta.Core.Ingestion;

/// <summary>Chooses the reader for an input: by file extension, or by sniffing the decoded text when the extension is unknown.</summary>
public static class FormatDetector
{
    public static DocumentFormat Detect(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        var extension = Path.GetExtension(source).ToLowerInvariant();
        return extension switch
        {
            ".txt" => DocumentFormat.TextPage,
            ".html" or ".htm" or ".xhtml" => DocumentFormat.Html,
            ".jsonl" or ".ndjson" => DocumentFormat.JsonLines,
            ".csv" => DocumentFormat.Csv,
            ".tml" => DocumentFormat.TimeMl,
            _ => Sniff(text),
        };
    }

    private static DocumentFormat Sniff(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<TimeML", StringComparison.Ordinal)) return DocumentFormat.TimeMl;
        if (head.StartsWith("<TimeML", StringComparison.Ordinal)) return DocumentFormat.TimeMl;
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase)) return DocumentFormat.Html;
        if (head.StartsWith("{")) return DocumentFormat.JsonLines;
        var firstLineEnd = head.IndexOfAny('\r', '\n');
        var firstLine = firstLineEnd < 0 ? head : head[..firstLineEnd];
        if (firstLine.Contains(',') && (firstLine.Contains("title", StringComparison.OrdinalIgnoreCase) || firstLine.Contains("text", StringComparison.OrdinalIgnoreCase)))
        {
            return DocumentFormat.Csv;
        }
        return DocumentFormat.TextPage;
    }
}
