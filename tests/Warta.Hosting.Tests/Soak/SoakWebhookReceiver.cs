using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Warta.Hosting.Tests.Soak;

/// <summary>A webhook receiver on 127.0.0.1 (its own Kestrel port) that records every POST and answers 200.</summary>
internal sealed class SoakWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SoakWebhookReceiver(WebApplication app) => _app = app;

    public sealed record Received(byte[] Body, string? Signature, string? Delivery);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<SoakWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new SoakWebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            receiver.Requests.Enqueue(new Received(buffer.ToArray(), http.Request.Headers["X-Warta-Signature"].FirstOrDefault(),
                http.Request.Headers["X-Warta-Delivery"].FirstOrDefault()));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = $"http://127.0.0.1:{new Uri(app.Urls.First()).Port}/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
