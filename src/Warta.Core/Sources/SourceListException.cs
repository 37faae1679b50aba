namespace Warta.Core.Sources;

/// <summary>A sources file that cannot be used: the message names the file, the entry and what is wrong with it.</summary>
public sealed class SourceListException : FormatException
{
    public SourceListException()
    {
    }

    public SourceListException(string message)
        : base(message)
    {
    }

    public SourceListException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
