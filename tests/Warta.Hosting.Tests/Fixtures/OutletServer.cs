using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Warta.Hosting.Tests.Fixtures;

/// <summary>A Kestrel server on 127.0.0.1 (port 0) playing Indonesian outlets by host name: their feeds and pages come from
/// <c>Fixtures/Outlets/HOST/…</c> (with <c>{base}</c> replaced by the outlet's address); <c>jebakan.test</c> adds the hostile pages.</summary>
/// <remarks>Feeds answer <c>ETag</c>/<c>If-None-Match</c> with 304. A test can replace a page (<see cref="Replace"/>) or make it answer a status (<see cref="Gone"/>).</remarks>
public sealed class OutletServer : IAsyncLifetime
{
    public const string Nusantara = "kabar-nusantara.test";
    public const string Timur = "warta-timur.test";
    public const string Kota = "suara-kota.test";
    public const string Jebakan = "jebakan.test";

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Outlets");
    private static readonly byte[] GzipBomb = GzipOfZeros(16 * 1024 * 1024);

    private readonly ConcurrentDictionary<string, string> _replaced = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Encoding> _encodings = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public int Port { get; private set; }

    /// <summary>Every request served: host, path, whether it was conditional, and the status answered.</summary>
    public ConcurrentQueue<(string Host, string Path, bool Conditional, int Status)> Log { get; } = new();

    public string Base(string host) => $"http://{host}:{Port}";

    public int CountOf(string host, string path) => Log.Count(r => r.Host == host && r.Path == path);

    /// <summary>Serves <paramref name="html"/> (with <c>{base}</c> replaced) at <paramref name="path"/> from now on.</summary>
    public void Replace(string host, string path, string html) => _replaced[host + path] = html;

    /// <summary>Answers <paramref name="status"/> at <paramref name="path"/> from now on.</summary>
    public void Gone(string host, string path, int status = 410) => _statuses[host + path] = status;

    /// <summary>Serves the page at <paramref name="path"/> encoded with <paramref name="encoding"/> (no byte-order mark), naming its charset in <c>Content-Type</c>.</summary>
    public void Encode(string host, string path, Encoding encoding) => _encodings[host + path] = encoding;

    /// <summary>Serves the fixture files as they are again (the tests of one class share the server, one after another).</summary>
    public void Reset()
    {
        _replaced.Clear();
        _statuses.Clear();
        _encodings.Clear();
    }

    public string PageOf(string host, string path) => File.ReadAllText(Path.Combine(Root, host, path.TrimStart('/'))).Replace("{base}", Base(host), StringComparison.Ordinal);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            await next(context);
            Log.Enqueue((context.Request.Host.Host, context.Request.Path.Value ?? "", context.Request.Headers.IfNoneMatch.Count > 0,
                context.Response.StatusCode));
        });
        _app.MapGet("/besar", async (HttpContext context) =>
        {
            // 50 MB of page, sent without a Content-Length.
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            try
            {
                for (var written = 0L; written < 50L * 1024 * 1024; written += chunk.Length) await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client stopped reading at its cap.
            }
        });
        _app.MapGet("/tetes", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            try
            {
                for (var i = 0; i < 30; i++)
                {
                    await context.Response.Body.WriteAsync("<"u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client gave up on the drip.
            }
        });
        _app.MapGet("/bom", (HttpContext context) =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(GzipBomb, "text/html");
        });
        _app.MapGet("/putar/a", () => Results.Redirect("/putar/b"));
        _app.MapGet("/putar/b", () => Results.Redirect("/putar/a"));
        _app.MapGet("/ke-privat", () => Results.Redirect("http://10.0.0.1/admin"));
        _app.MapGet("/{**path}", Serve);
        await _app.StartAsync();
        Port = new Uri(_app.Urls.First()).Port;
    }

    private IResult Serve(HttpContext context)
    {
        var host = context.Request.Host.Host;
        var path = context.Request.Path.Value ?? "/";
        if (_statuses.TryGetValue(host + path, out var status)) return Results.StatusCode(status);
        string? text = _replaced.TryGetValue(host + path, out var replaced) ? replaced : null;
        var file = Path.GetFullPath(Path.Combine(Root, host, path.TrimStart('/')));
        if (text is null)
        {
            if (!file.StartsWith(Root, StringComparison.Ordinal) || !File.Exists(file)) return Results.NotFound();
            text = File.ReadAllText(file);
        }
        text = text.Replace("{base}", Base(host), StringComparison.Ordinal);
        var type = Path.GetFileName(path) switch
        {
            "robots.txt" => "text/plain",
            "rss.xml" => "application/rss+xml",
            "atom.xml" => "application/atom+xml",
            "feed.json" => "application/feed+json",
            _ => "text/html; charset=utf-8",
        };
        // Feeds carry a validator of their content, as outlets' CDNs do, and answer a conditional GET with 304.
        var etag = $"\"{(uint)text.GetHashCode(StringComparison.Ordinal):x8}\"";
        if (!type.StartsWith("text/html", StringComparison.Ordinal) && type != "text/plain")
        {
            if (context.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(304);
            context.Response.Headers.ETag = etag;
        }
        if (_encodings.TryGetValue(host + path, out var encoding)) return Results.Bytes(encoding.GetBytes(text), $"text/html; charset={encoding.WebName}");
        return Results.Text(text, type);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private static byte[] GzipOfZeros(int length)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < length; i += zeros.Length) gzip.Write(zeros);
        }
        return output.ToArray();
    }
}
