namespace Warta.Core.Ingestion;

/// <summary>The input formats Warta reads.</summary>
public enum DocumentFormat
{
    TextPage,
    Html,
    JsonLines,
    Csv,
    TimeMl,
}
