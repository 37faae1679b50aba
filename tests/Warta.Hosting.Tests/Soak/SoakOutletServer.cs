using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Warta.Hosting.Tests.Soak;

/// <summary>A Kestrel server on 127.0.0.1 playing the soak's twenty outlets by host name, each with an RSS, Atom or JSON feed of its newest items and their pages, publishing as <see cref="PublishNext"/> is called.</summary>
/// <remarks>Feeds carry an ETag of their content and answer a matching conditional GET with 304, as outlets' CDNs do.</remarks>
internal sealed class SoakOutletServer : IAsyncDisposable
{
    private static readonly (string Name, string Host)[] Names =
    [
        ("Kabar Priangan", "kabar-priangan.test"), ("Warta Deli", "warta-deli.test"), ("Suara Minang", "suara-minang.test"),
        ("Berita Musi", "berita-musi.test"), ("Lampung Terkini", "lampung-terkini.test"), ("Banten Pos", "banten-pos.test"),
        ("Jateng Hari Ini", "jateng-hari-ini.test"), ("Kabar Mataram", "kabar-mataram.test"), ("Surya Timur", "surya-timur.test"),
        ("Bali Warta", "bali-warta.test"), ("Nusa Tenggara Kini", "ntt-kini.test"), ("Borneo Pos", "borneo-pos.test"),
        ("Kalimantan Raya", "kalimantan-raya.test"), ("Mahakam News", "mahakam-news.test"), ("Manado Pagi", "manado-pagi.test"),
        ("Celebes Online", "celebes-online.test"), ("Maluku Kini", "maluku-kini.test"), ("Papua Terkini", "papua-terkini.test"),
        ("Riau Bertuah", "riau-bertuah.test"), ("Kabar Ibu Kota", "kabar-ibu-kota.test"),
    ];

    private readonly WebApplication _app;
    private readonly Dictionary<string, SoakOutlet> _byHost;
    private readonly Random _random;
    private readonly Lock _publishGate = new();
    private readonly DateTimeOffset _start;
    private int _serial;
    private long _requests;

    private SoakOutletServer(WebApplication app, IReadOnlyList<SoakOutlet> outlets, int seed, DateTimeOffset start)
    {
        _app = app;
        Outlets = outlets;
        _byHost = outlets.ToDictionary(static o => o.Host, StringComparer.Ordinal);
        _random = new Random(seed);
        _start = start;
    }

    public IReadOnlyList<SoakOutlet> Outlets { get; }

    public int Port { get; private set; }

    /// <summary>Requests served so far (feeds, pages, robots.txt).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public string Base(SoakOutlet outlet) => $"http://{outlet.Host}:{Port}";

    public static async Task<SoakOutletServer> StartAsync(int seed, DateTimeOffset start)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var outlets = Names.Select((n, i) => new SoakOutlet(n.Name, n.Host, (i % 4) switch { 0 or 1 => "/rss.xml", 2 => "/atom.xml", _ => "/feed.json" })).ToList();
        var server = new SoakOutletServer(app, outlets, seed, start);
        app.MapGet("/{**path}", server.Serve);
        await app.StartAsync();
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    /// <summary>Publishes the next item at a randomly chosen outlet (seeded, so a run is repeatable) and returns it.</summary>
    public SoakArticle PublishNext()
    {
        lock (_publishGate)
        {
            var serial = ++_serial;
            var outlet = Outlets[_random.Next(Outlets.Count)];
            // Publication times a minute apart, so stories form over the soak's simulated days as on a news day.
            var article = SoakArticle.Create(serial, outlet, _random, _start.AddMinutes(serial));
            outlet.Publish(article);
            return article;
        }
    }

    private IResult Serve(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Path.Value ?? "/";
        if (!_byHost.TryGetValue(context.Request.Host.Host, out var outlet)) return Results.NotFound();
        if (path == "/robots.txt") return Results.Text("User-agent: *\nDisallow: /cari\n", "text/plain");
        if (path == outlet.FeedPath)
        {
            var (body, type) = Feed(outlet);
            var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)).AsSpan(0, 8)) + "\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(304);
            context.Response.Headers.ETag = etag;
            return Results.Text(body, type);
        }
        return outlet.Find(path) is { } article ? Results.Text(article.Html(outlet, Base(outlet)), "text/html; charset=utf-8") : Results.NotFound();
    }

    private (string Body, string Type) Feed(SoakOutlet outlet)
    {
        var items = outlet.Latest();
        var home = Base(outlet);
        switch (outlet.FeedPath)
        {
            case "/atom.xml":
                {
                    var atom = new StringBuilder();
                    atom.Append(CultureInfo.InvariantCulture, $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>{outlet.Name}</title><id>{home}/</id><link href="{home}/"/>
                    <updated>{(items.Count > 0 ? items[0].Published : _start):yyyy-MM-dd'T'HH:mm:ssK}</updated>

                    """);
                    foreach (var item in items)
                    {
                        atom.Append(CultureInfo.InvariantCulture, $"""
                        <entry><title>{SecurityElement.Escape(item.Title)}</title><link rel="alternate" href="{home}{item.Path}"/><id>{home}{item.Path}</id>
                        <published>{item.Published:yyyy-MM-dd'T'HH:mm:ssK}</published><updated>{item.Published:yyyy-MM-dd'T'HH:mm:ssK}</updated><author><name>{item.Author}</name></author></entry>

                        """);
                    }
                    return (atom.Append("</feed>\n").ToString(), "application/atom+xml");
                }
            case "/feed.json":
                {
                    var json = JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["version"] = "https://jsonfeed.org/version/1.1",
                        ["title"] = outlet.Name,
                        ["home_page_url"] = home + "/",
                        ["items"] = items.Select(item => new Dictionary<string, object>
                        {
                            ["id"] = home + item.Path,
                            ["url"] = home + item.Path,
                            ["title"] = item.Title,
                            ["date_published"] = item.Published.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
                            ["authors"] = new[] { new Dictionary<string, string> { ["name"] = item.Author } },
                        }).ToList(),
                    });
                    return (json, "application/feed+json");
                }
            default:
                {
                    var rss = new StringBuilder();
                    rss.Append(CultureInfo.InvariantCulture, $"""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{outlet.Name}</title><link>{home}/</link>
                    <description>Berita terkini dari {outlet.Name}</description><language>id</language>

                    """);
                    foreach (var item in items)
                    {
                        rss.Append(CultureInfo.InvariantCulture, $"""
                        <item><title>{SecurityElement.Escape(item.Title)}</title><link>{home}{item.Path}</link><guid isPermaLink="true">{home}{item.Path}</guid>
                        <pubDate>{item.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate><dc:creator>{item.Author}</dc:creator></item>

                        """);
                    }
                    return (rss.Append("</channel></rss>\n").ToString(), "application/rss+xml");
                }
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
