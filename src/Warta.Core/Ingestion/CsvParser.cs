using System.Text;

namespace Warta.Core.Ingestion;

/// <summary>RFC 4180 CSV parser: comma-separated fields, quoted fields with doubled quotes and line breaks inside quotes.</summary>
/// <remarks>Accepts LF as well as CRLF line ends and a quote inside an unquoted field (taken literally). Records are
/// numbered from 0 (the header); a blank line is skipped.</remarks>
public static class CsvParser
{
    public static IEnumerable<CsvRecord> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<string>();
        var field = new StringBuilder();
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
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    field.Append(text[i]);
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
                    recordHasContent = false;
                    number++;
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    recordHasContent = true;
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' or '\n':
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    if (recordHasContent || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(number++, [.. fields], null);
                    }
                    fields.Clear();
                    field.Clear();
                    recordHasContent = false;
                    break;
                default:
                    recordHasContent = true;
                    field.Append(c);
                    i++;
                    break;
            }
        }
        if (recordHasContent || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(number, [.. fields], null);
        }
    }
}
