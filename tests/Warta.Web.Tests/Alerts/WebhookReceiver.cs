using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Warta.Web.Tests.Alerts;

/// <summary>A webhook receiver on 127.0.0.1 (Kestrel, a port of its own): records every POST and answers the statuses it is told to, then 200.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The URL of the hook (<c>http://127.0.0.1:PORT/hook</c>).</summary>
    public string Url { get; private set; } = "";

    /// <summary>The port, for a URL naming the receiver another way (<c>localhost</c>).</summary>
    public int Port { get; private set; }

    public sealed record Received(byte[] Body, string? Signature, string? Delivery, string? Timestamp, int Answered);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var status = receiver._answers.TryDequeue(out var answer) ? answer : StatusCodes.Status200OK;
            receiver.Requests.Enqueue(new Received(
                buffer.ToArray(),
                http.Request.Headers["X-Warta-Signature"].FirstOrDefault(),
                http.Request.Headers["X-Warta-Delivery"].FirstOrDefault(),
                http.Request.Headers["X-Warta-Timestamp"].FirstOrDefault(),
                status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Port = new Uri(address).Port;
        receiver.Url = $"http://127.0.0.1:{receiver.Port}/hook";
        return receiver;
    }

    /// <summary>Answers the next requests with <paramref name="statuses"/>, in order, before going back to 200.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses) _answers.Enqueue(status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
