using Microsoft.Data.Sqlite;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>The rows of one of the store's tables, the given columns in order, as SQLite holds them (integers as
    /// <see cref="long"/>, reals as <see cref="double"/>, text, blobs as bytes, nulls as null): for copying the store into
    /// another engine (<c>warta migrate</c>), whose tables have the same names and columns.</summary>
    /// <remarks>Read lazily, in rowid order, on the store's connection: hold the write lock while copying, so the rows are of one state.</remarks>
    /// <exception cref="ArgumentException">A name is not a plain identifier.</exception>
    public IEnumerable<object?[]> ReadRows(string table, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var name in columns.Prepend(table))
        {
            if (name.Length == 0 || !name.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException($"'{name}' is not a table or column name", nameof(columns));
            }
        }
        return Rows(table, columns);
    }

    private IEnumerable<object?[]> Rows(string table, IReadOnlyList<string> columns)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table}";
        SqliteDataReader reader;
        try
        {
            reader = command.ExecuteReader();
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.Map(ex, Path, BusyTimeout);
        }
        using (reader)
        {
            while (reader.Read())
            {
                var row = new object?[columns.Count];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                yield return row;
            }
        }
    }
}
