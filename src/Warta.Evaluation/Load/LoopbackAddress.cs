using System.Net;

namespace Warta.Evaluation.Load;

/// <summary>Load runs talk to loopback only: a URL naming any other host is refused before a connection is attempted.</summary>
public static class LoopbackAddress
{
    /// <summary>Whether <paramref name="url"/> names a loopback address (127.0.0.0/8, ::1) or <c>localhost</c>, without resolving anything.</summary>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) return false;
        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
