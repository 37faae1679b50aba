using System.Net;
using System.Net.Sockets;

namespace Warta.Fetching;

/// <summary>Decides whether an IP address may be contacted: only public unicast addresses, plus the ranges a source explicitly allows.</summary>
/// <remarks>
/// The fetcher asks this at connect time, after resolving the host itself, so a DNS answer (or a redirect) that points at a
/// private or loopback address cannot route a request around it. IPv4-mapped IPv6 addresses (<c>::ffff:10.0.0.1</c>) are judged
/// as the IPv4 address they carry.
/// </remarks>
public sealed class AddressGuard
{
    private static readonly IPNetwork[] RefusedV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network", including unspecified 0.0.0.0
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local (and cloud metadata endpoints)
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation
        IPNetwork.Parse("203.0.113.0/24"),   // documentation
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, including broadcast 255.255.255.255
    ];

    private static readonly IPNetwork[] RefusedV6 =
    [
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("64:ff9b::/96"),     // NAT64: would reach an IPv4 address we have not judged
        IPNetwork.Parse("100::/64"),         // discard-only
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("fc00::/7"),         // unique-local
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // site-local (deprecated, still private)
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private readonly IPNetwork[] _allowed;

    /// <summary>A guard that refuses every non-public address.</summary>
    public AddressGuard()
        : this([])
    {
    }

    /// <summary>A guard that refuses every non-public address except those in <paramref name="allowedRanges"/>.</summary>
    public AddressGuard(IEnumerable<IPNetwork> allowedRanges)
    {
        ArgumentNullException.ThrowIfNull(allowedRanges);
        _allowed = [.. allowedRanges];
    }

    /// <summary>The default guard: public addresses only.</summary>
    public static AddressGuard PublicOnly { get; } = new();

    /// <summary>Public addresses and loopback (127.0.0.0/8, ::1): for tests against a fixture server on this machine.</summary>
    public static AddressGuard AllowingLoopback { get; } = new([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);

    /// <summary>Public addresses and the private ranges (10/8, 172.16/12, 192.168/16, fc00::/7): for a source on an intranet.</summary>
    public static AddressGuard AllowingPrivate { get; } =
        new([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("fc00::/7")]);

    /// <summary>The environment variable that turns <see cref="LoopbackOnly"/> on for a process (<c>1</c>): <c>.ci/run</c> sets it for the tests.</summary>
    public const string LoopbackOnlyVariable = "WARTA_LOOPBACK_ONLY";

    /// <summary>When on, every guard refuses every address but loopback at connect time, whatever it allows otherwise: a test
    /// run can then reach only its own fixture servers, even through a source or webhook that allows public or private addresses.</summary>
    /// <remarks>Read from <see cref="LoopbackOnlyVariable"/> when the process starts; a test may turn it on (never needed off).</remarks>
    public static bool LoopbackOnly { get; set; } =
        Environment.GetEnvironmentVariable(LoopbackOnlyVariable) is "1" or "true";

    /// <summary>The ranges this guard allows beyond public addresses.</summary>
    public IReadOnlyList<IPNetwork> AllowedRanges => _allowed;

    /// <summary>Whether <paramref name="address"/> may be contacted.</summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var judged = Normalise(address);
        foreach (var range in _allowed)
        {
            if (range.Contains(judged) || range.Contains(address))
            {
                return true;
            }
        }

        return IsPublic(judged);
    }

    /// <summary>Whether <paramref name="address"/> is a public unicast address (no range allowance applied).</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var judged = Normalise(address);
        var ranges = judged.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusedV4,
            AddressFamily.InterNetworkV6 => RefusedV6,
            _ => null,
        };
        if (ranges is null)
        {
            return false;
        }

        foreach (var range in ranges)
        {
            if (range.Contains(judged))
            {
                return false;
            }
        }

        return true;
    }

    // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach the IPv4 address they carry.
    private static IPAddress Normalise(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var compatible = true;
        for (var i = 0; i < 12; i++)
        {
            if (bytes[i] != 0)
            {
                compatible = false;
                break;
            }
        }

        // ::/96 other than :: and ::1 is the IPv4-compatible form; :: and ::1 stay IPv6 and are judged there.
        if (compatible && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] <= 1))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return address;
    }

    /// <summary>Opens a TCP connection to the first address of <paramref name="host"/> this guard allows (loopback only in <see cref="LoopbackOnly"/> mode), after reporting every
    /// address (allowed or refused) to <paramref name="observer"/>: the one place a guarded client connects, so a refused
    /// address is never dialled whatever DNS answers.</summary>
    /// <exception cref="AddressRefusedException">The guard refuses every address of the host; no connection was attempted.</exception>
    public async ValueTask<Stream> ConnectAsync(
        string host, int port, Func<string, CancellationToken, Task<IPAddress[]>> resolve, Action<ConnectAttempt>? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(resolve);
        host = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolve(host, cancellationToken).ConfigureAwait(false);
        var allowed = new List<IPAddress>();
        foreach (var address in addresses)
        {
            var ok = IsAllowed(address) && (!LoopbackOnly || IPAddress.IsLoopback(Normalise(address)));
            observer?.Invoke(new ConnectAttempt(host, port, address, Refused: !ok));
            if (ok) allowed.Add(address);
        }
        if (allowed.Count == 0) throw new AddressRefusedException(host);

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw last!;
    }
}
