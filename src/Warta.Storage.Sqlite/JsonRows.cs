using System.Globalization;
using System.Text;

namespace Warta.Storage.Sqlite;

/// <summary>Rows of scalars written as one JSON array of arrays, for a statement that reads them back with <c>json_each</c>.</summary>
/// <remarks>Only what JSON requires is escaped (quote, backslash, control characters); every other character is written
/// as it is, so SQLite reads back exactly the text a bound parameter would have stored. Numbers are integers only:
/// a double bound as a parameter keeps its bits, one parsed from JSON text is not promised to.</remarks>
internal sealed class JsonRows
{
    private readonly StringBuilder _json = new();
    private bool _rowStarted;

    /// <summary>Rows begun so far.</summary>
    public int Count { get; private set; }

    public JsonRows Begin()
    {
        _json.Append(Count == 0 ? "[[" : ",[");
        _rowStarted = true;
        Count++;
        return this;
    }

    public JsonRows Number(long value)
    {
        Separate();
        _json.Append(CultureInfo.InvariantCulture, $"{value}");
        return this;
    }

    public JsonRows Text(string? value)
    {
        Separate();
        if (value is null)
        {
            _json.Append("null");
            return this;
        }
        _json.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is not ('"' or '\\') && c >= ' ') continue;
            _json.Append(value, start, i - start);
            if (c is '"' or '\\') _json.Append('\\').Append(c);
            else _json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            start = i + 1;
        }
        _json.Append(value, start, value.Length - start).Append('"');
        return this;
    }

    public void End() => _json.Append(']');

    /// <summary>The rows as one JSON array (empty when none were begun).</summary>
    public string ToJson() => Count == 0 ? "[]" : _json.ToString() + "]";

    public void Clear()
    {
        _json.Clear();
        Count = 0;
    }

    private void Separate()
    {
        if (!_rowStarted) _json.Append(',');
        _rowStarted = false;
    }
}
