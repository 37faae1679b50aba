namespace Warta.Core.Storage;

/// <summary>Why a store could not be opened, read or written, as a <see cref="StoreFailureException"/> reports it.</summary>
public enum StoreFailure
{
    /// <summary>No store at the path, and the command does not create one.</summary>
    Missing = 1,

    /// <summary>The file is not an SQLite database at all.</summary>
    NotADatabase = 2,

    /// <summary>An SQLite database with another application's tables and no Warta schema.</summary>
    Foreign = 3,

    /// <summary>A Warta store from a newer schema step than this build knows.</summary>
    Newer = 4,

    /// <summary>A Warta store from an older schema step whose tables the query needs are not there yet.</summary>
    Older = 5,

    /// <summary>The file (or its folder) cannot be written.</summary>
    ReadOnly = 6,

    /// <summary>Another process held SQLite's lock on the file for longer than the wait allowed.</summary>
    Locked = 7,

    /// <summary>The file is damaged (a page fails SQLite's checks).</summary>
    Corrupt = 8,

    /// <summary>The disk (or the database's page limit) is full; the transaction was rolled back.</summary>
    Full = 9,

    /// <summary>Any other error the database reports.</summary>
    Other = 10,

    /// <summary>The database server could not be reached (not running, wrong host or port, timed out).</summary>
    Unreachable = 11,

    /// <summary>The database server refused the login (unknown user, wrong password, no access to the database).</summary>
    Refused = 12,
}
