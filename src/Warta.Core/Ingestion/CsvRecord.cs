namespace Warta.Core.Ingestion;

/// <summary>One CSV record: its number (0 = header) and fields, or the reason it could not be parsed.</summary>
/// <param name="Number">The record's number: 0 for the header, data records from 1.</param>
/// <param name="Fields">The fields, each at most <see cref="CsvParser.MaxFieldChars"/> characters.</param>
/// <param name="Error">Why the record could not be parsed; null when it was.</param>
/// <param name="CutFields">How many of its fields were longer than the parser keeps and were cut.</param>
public sealed record CsvRecord(int Number, IReadOnlyList<string> Fields, string? Error, int CutFields = 0)
{
    public static CsvRecord Failed(int number, string error) => new(number, [], error);
}
