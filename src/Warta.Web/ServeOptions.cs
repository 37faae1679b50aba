namespace Warta.Web;

/// <summary>How <c>warta serve</c> listens: addresses, and whether reads are open to anyone who can reach them.</summary>
public sealed record ServeOptions
{
    /// <summary>Where the server listens when nothing else is said: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Semicolon-separated listening URLs, as Kestrel takes them.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Reads need no key even when the server listens beyond loopback (writes always need one).</summary>
    public bool Public { get; init; }
}
