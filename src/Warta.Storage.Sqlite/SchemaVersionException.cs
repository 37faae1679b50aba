namespace Warta.Storage.Sqlite;

/// <summary>The database was written by a newer Warta whose schema this build does not know.</summary>
public sealed class SchemaVersionException : Exception
{
    public SchemaVersionException()
    {
    }

    public SchemaVersionException(string message) : base(message)
    {
    }

    public SchemaVersionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
