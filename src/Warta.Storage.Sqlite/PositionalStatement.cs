using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Warta.Storage.Sqlite;

/// <summary>A statement prepared on the store's connection whose parameters are bound by position, for inserts run once per
/// row of a batch inside a transaction the connection already holds.</summary>
/// <remarks>Microsoft.Data.Sqlite looks every parameter up by name on each execution (the name encoded to UTF-8, then a
/// search of the statement's names) and wraps each value in a binder; for the 13 columns of an article that came to more
/// managed time than SQLite's own insert. Text is bound as that library binds it (<c>raw.sqlite3_bind_text</c> with the
/// string), so the stored bytes are the same. Errors become <see cref="SqliteException"/>s, as from a command.</remarks>
internal sealed class PositionalStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <param name="connection">An open connection (its transaction, begun with the write lock taken, covers the rows).</param>
    /// <param name="sql">One statement; its parameters are numbered from 1 in order of appearance.</param>
    public PositionalStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, long? value) =>
        Check(value is { } number ? raw.sqlite3_bind_int64(_statement, index, number) : raw.sqlite3_bind_null(_statement, index));

    /// <summary>Runs the statement with the values bound and readies it for the next row; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
