namespace Warta.Core.Ingestion;

/// <summary>One CSV record: its number (0 = header) and fields, or the reason it could not be parsed.</summary>
public sealed record CsvRecord(int Number, IReadOnlyList<string> Fields, string? Error)
{
    public static CsvRecord Failed(int number, string error) => new(number, [], error);
}
