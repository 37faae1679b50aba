namespace Warta.Core.Stories.Corrections;

/// <summary>A correction was refused before anything changed: <see cref="Error"/> says why, the message in a sentence fit for a user.</summary>
public sealed class StoryCorrectionException : Exception
{
    public StoryCorrectionException()
    {
    }

    public StoryCorrectionException(string message)
        : base(message)
    {
    }

    public StoryCorrectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoryCorrectionException(StoryCorrectionError error, string message)
        : base(message) => Error = error;

    /// <summary>Why it was refused.</summary>
    public StoryCorrectionError Error { get; } = StoryCorrectionError.Invalid;
}
