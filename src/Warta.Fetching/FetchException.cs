namespace Warta.Fetching;

/// <summary>A fetch of one URL failed; names the URL and why.</summary>
public sealed class FetchException : Exception
{
    public FetchException()
        : this(new Uri("about:blank"), FetchFailure.Network, "fetch failed")
    {
    }

    public FetchException(string message)
        : this(new Uri("about:blank"), FetchFailure.Network, message)
    {
    }

    public FetchException(string message, Exception innerException)
        : this(new Uri("about:blank"), FetchFailure.Network, message, innerException)
    {
    }

    public FetchException(Uri url, FetchFailure reason, string message, Exception? innerException = null, int? statusCode = null)
        : base($"{url}: {message}", innerException)
    {
        Url = url;
        Reason = reason;
        StatusCode = statusCode;
    }

    /// <summary>The URL whose fetch failed (the hop that failed, when a redirect was followed).</summary>
    public Uri Url { get; }

    public FetchFailure Reason { get; }

    /// <summary>The HTTP status when <see cref="Reason"/> is <see cref="FetchFailure.HttpStatus"/> (410 means gone).</summary>
    public int? StatusCode { get; }
}
