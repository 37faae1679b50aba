namespace Warta.Core.Storage;

/// <summary>Another writer held the store's write lock for longer than this one was willing to wait.</summary>
public sealed class StoreBusyException : Exception
{
    public StoreBusyException()
    {
    }

    public StoreBusyException(string message) : base(message)
    {
    }

    public StoreBusyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
