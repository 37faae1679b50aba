namespace Warta.Core.Sources;

/// <summary>A feed or sitemap that cannot be read: not XML or JSON, an unknown root, malformed markup; the message says what and where.</summary>
public sealed class FeedFormatException : FormatException
{
    public FeedFormatException()
    {
    }

    public FeedFormatException(string message)
        : base(message)
    {
    }

    public FeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
