namespace Warta.Core.Storage;

/// <summary>The store could not be opened, read or written; <see cref="Exception.Message"/> is one line naming the file and saying why.</summary>
/// <remarks>A failed write changed nothing: every write is one transaction, rolled back on failure.</remarks>
public sealed class StoreFailureException : Exception
{
    public StoreFailureException()
    {
        Path = "";
        Reason = Message;
    }

    public StoreFailureException(string message)
        : base(message)
    {
        Path = "";
        Reason = message;
    }

    public StoreFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
        Reason = message;
    }

    /// <summary>A failure of the store at <paramref name="path"/>; the message reads "store 'PATH': REASON".</summary>
    public StoreFailureException(StoreFailure failure, string path, string reason, Exception? innerException = null)
        : base($"store '{path}': {reason}", innerException)
    {
        Failure = failure;
        Path = path;
        Reason = reason;
    }

    /// <summary>What went wrong.</summary>
    public StoreFailure Failure { get; } = StoreFailure.Other;

    /// <summary>The store file it concerns.</summary>
    public string Path { get; }

    /// <summary>Why, without the path (for a caller that names the store itself).</summary>
    public string Reason { get; }
}
