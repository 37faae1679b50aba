using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Warta.Fetching.Tests;

/// <summary>A Kestrel server on 127.0.0.1 (port 0) playing two Indonesian outlets, <c>kabar-a.test</c> and <c>kabar-b.test</c>, and the hostile cases.</summary>
public sealed class OutletFixture : IAsyncLifetime
{
    public const string HostA = "kabar-a.test";
    public const string HostB = "kabar-b.test";
    public const string PageETag = "\"berita-v1\"";
    public static readonly DateTimeOffset PageLastModified = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    public const string Article = """
        <!doctype html>
        <html lang="id"><head><meta charset="utf-8"><title>Banjir rendam 12 kelurahan di Jakarta Timur</title></head>
        <body><article><h1>Banjir rendam 12 kelurahan di Jakarta Timur</h1>
        <p>JAKARTA, Kabar A — Hujan deras sejak Senin malam membuat Kali Ciliwung meluap. Badan Penanggulangan Bencana Daerah (BPBD) DKI
        mencatat 1.240 warga mengungsi.</p></article></body></html>
        """;

    public const string Feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Kabar A - Terkini</title><link>https://kabar-a.test/</link><description>Berita terkini</description>
        <item><title>Banjir rendam 12 kelurahan di Jakarta Timur</title><link>https://kabar-a.test/berita/banjir-jakarta-timur</link>
        <pubDate>Mon, 30 Nov 2026 15:00:00 +0700</pubDate></item></channel></rss>
        """;

    private static readonly byte[] GzipBomb = GzipOfZeros(64 * 1024 * 1024);

    private WebApplication? _app;

    public int Port { get; private set; }

    /// <summary>The clock stamped on each logged request and used for Retry-After dates; tests of pacing set a fake one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public ConcurrentQueue<LoggedRequest> Requests { get; } = new();

    public Uri Url(string host, string pathAndQuery) => new($"http://{host}:{Port}{pathAndQuery}");

    public IEnumerable<LoggedRequest> RequestsTo(string host) => Requests.Where(r => r.Host == host);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue(new LoggedRequest(
                context.Request.Host.Host, context.Request.Path.Value ?? "", context.Request.Headers.UserAgent.ToString(), Clock.GetUtcNow()));
            await next(context);
        });
        _app.MapGet("/robots.txt", (HttpContext context) => context.Request.Host.Host == HostA
            ? Results.Text("User-agent: *\nDisallow: /rahasia/\n", "text/plain")
            : Results.NotFound());
        _app.MapGet("/berita/banjir-jakarta-timur", (HttpContext context) =>
        {
            var headers = context.Request.GetTypedHeaders();
            if (context.Request.Headers.IfNoneMatch.ToString() == PageETag
                || headers.IfModifiedSince is { } since && since >= PageLastModified)
            {
                return Results.StatusCode(304);
            }

            context.Response.Headers.ETag = PageETag;
            context.Response.GetTypedHeaders().LastModified = PageLastModified;
            return Results.Text(Article, "text/html; charset=utf-8");
        });
        _app.MapGet("/rss", () => Results.Text(Feed, "application/rss+xml"));
        _app.MapGet("/rahasia/dokumen", () => Results.Text("rahasia", "text/plain"));
        _app.MapGet("/lama", () => Results.Redirect("/berita/banjir-jakarta-timur", permanent: true));
        _app.MapGet("/putar/a", () => Results.Redirect("/putar/b"));
        _app.MapGet("/putar/b", () => Results.Redirect("/putar/a"));
        _app.MapGet("/ke-privat", () => Results.Redirect("http://10.0.0.1/admin"));
        _app.MapGet("/hilang", () => Results.StatusCode(410));
        _app.MapGet("/gambar", () => Results.Bytes([0x89, 0x50, 0x4e, 0x47], "image/png"));
        _app.MapGet("/sibuk", () => new RetryAfterResult("120", 429));
        _app.MapGet("/pemeliharaan", () => new RetryAfterResult(
            (Clock.GetUtcNow() + TimeSpan.FromHours(1)).ToString("R", CultureInfo.InvariantCulture), 503));
        _app.MapGet("/besar", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            try
            {
                for (var written = 0L; written < 50L * 1024 * 1024; written += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
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
                for (var i = 0; i < 60; i++)
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
        await _app.StartAsync();
        Port = new Uri(_app.Urls.First()).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static byte[] GzipOfZeros(int length)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < length; i += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }

    private sealed class RetryAfterResult(string retryAfter, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.RetryAfter = retryAfter;
            httpContext.Response.ContentType = "text/plain";
            return httpContext.Response.WriteAsync("Terlalu banyak permintaan, coba lagi nanti.");
        }
    }
}
