namespace Warta.Fetching;

/// <summary>Why a fetch failed.</summary>
public enum FetchFailure
{
    /// <summary>The URL is not absolute http or https.</summary>
    UnsupportedScheme,

    /// <summary>Every address of the host is refused by the <see cref="AddressGuard"/>; no connection was attempted.</summary>
    AddressRefused,

    /// <summary>More redirects than allowed.</summary>
    TooManyRedirects,

    /// <summary>A redirect led back to a URL already visited.</summary>
    RedirectLoop,

    /// <summary>The body (after decompression) exceeded the size cap.</summary>
    TooLarge,

    /// <summary>The whole fetch took longer than allowed.</summary>
    Timeout,

    /// <summary>The server sent nothing for longer than the idle-read timeout.</summary>
    IdleTimeout,

    /// <summary>The response's content type is not one the caller accepts.</summary>
    ContentTypeNotAllowed,

    /// <summary>The server answered with a non-success status (see <see cref="FetchException.StatusCode"/>).</summary>
    HttpStatus,

    /// <summary>DNS, connection or protocol failure.</summary>
    Network,

    /// <summary>The host's <c>robots.txt</c> disallows the URL (or could not be read, which disallows everything).</summary>
    DisallowedByRobots,

    /// <summary>The host asked us (429/503 with <c>Retry-After</c>) to wait, and the wait is not over.</summary>
    HostBackingOff,
}
