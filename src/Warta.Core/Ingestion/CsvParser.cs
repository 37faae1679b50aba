using System.Text;

namespace Warta.Core.Ingestion;

/// <summary>RFC 4180 CSV parser: comma-separated fields, quoted fields with doubled quotes and line breaks inside quotes.</summary>
/// <remarks>Accepts LF as well as CRLF line ends and a quote inside an unquoted field (taken literally). Records are
/// numbered from 0 (the header); a blank line is skipped. A field longer than <see cref="MaxFieldChars"/> keeps only its
/// start, and the record counts it in <see cref="CsvRecord.CutFields"/>: a 60 MB field would otherwise be built twice
/// in memory only for the page cleaner to keep its first <see cref="Extraction.PageCleaner.MaxTextChars"/> characters.</remarks>
public static class CsvParser
{
    /// <summary>The longest field kept whole: as much text as the page cleaner reads.</summary>
    public const int MaxFieldChars = Extraction.PageCleaner.MaxTextChars;

    public static IEnumerable<CsvRecord> Parse(string text, int maxFieldChars = MaxFieldChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFieldChars, 1);
        var fields = new List<string>();
        var field = new StringBuilder();
        var fieldCut = false;
        var cutFields = 0;
        var number = 0;
        var i = 0;
        var recordHasContent = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                recordHasContent = true;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            if (field.Length < maxFieldChars) field.Append('"');
                            else fieldCut = true;
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    if (field.Length < maxFieldChars) field.Append(text[i]);
                    else fieldCut = true;
                    i++;
                }
                if (!closed)
                {
                    yield return CsvRecord.Failed(number, "quoted field is never closed (missing \")");
                    yield break;
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    yield return CsvRecord.Failed(number, $"unexpected character '{text[i]}' after a closing quote");
                    while (i < text.Length && text[i] != '\n') i++;
                    i++;
                    fields.Clear();
                    field.Clear();
                    fieldCut = false;
                    cutFields = 0;
                    recordHasContent = false;
                    number++;
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    recordHasContent = true;
                    EndField(fields, field, ref fieldCut, ref cutFields);
                    i++;
                    break;
                case '\r' or '\n':
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    if (recordHasContent || field.Length > 0)
                    {
                        EndField(fields, field, ref fieldCut, ref cutFields);
                        yield return new CsvRecord(number++, [.. fields], null, cutFields);
                    }
                    fields.Clear();
                    field.Clear();
                    fieldCut = false;
                    cutFields = 0;
                    recordHasContent = false;
                    break;
                default:
                    recordHasContent = true;
                    if (field.Length < maxFieldChars) field.Append(c);
                    else fieldCut = true;
                    i++;
                    break;
            }
        }
        if (recordHasContent || field.Length > 0)
        {
            EndField(fields, field, ref fieldCut, ref cutFields);
            yield return new CsvRecord(number, [.. fields], null, cutFields);
        }
    }

    private static void EndField(List<string> fields, StringBuilder field, ref bool fieldCut, ref int cutFields)
    {
        if (fieldCut && field.Length > 0 && char.IsHighSurrogate(field[^1])) field.Length--;
        fields.Add(field.ToString());
        field.Clear();
        if (fieldCut) cutFields++;
        fieldCut = false;
    }
}
