using Warta.Web.Tests.Api;
using Xunit;

namespace Warta.Web.Tests.Alerts;

/// <summary>A loopback webhook receiver, and the served sample corpus (with keys) whose server may deliver webhooks to loopback, polling often.</summary>
public sealed class AlertsApi : IAsyncLifetime
{
    private readonly LoopbackWebhooks _server = new();

    public ServedApi Server => _server;

    internal WebhookReceiver Receiver { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await _server.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    private sealed class LoopbackWebhooks : ServedApi
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Alerts:AllowedRanges:0", "127.0.0.0/8"),
            new("Alerts:PollSeconds", "0.1"),
            new("Alerts:PublicUrl", "https://warta.example"),
        ];
    }
}
