using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Warta.Core.Alerts;
using Warta.Fetching;

namespace Warta.Hosting;

/// <summary>POSTs alerts to webhooks: a signed JSON body, through the <see cref="AddressGuard"/> at connect time, no redirects followed.</summary>
/// <remarks>
/// The connect callback resolves the host itself and opens a socket only to an address the guard allows (public
/// addresses; the configured <see cref="AlertOptions.AllowedRanges"/>; anything for a rule that allows private webhooks),
/// so neither a DNS answer nor a redirect can point a webhook at the machine's own network. A redirect is a failure, not
/// followed. Headers: <c>X-Warta-Signature: sha256=…</c> (HMAC-SHA256 of the body with the rule's secret),
/// <c>X-Warta-Delivery</c> (the alert's idempotency key, the same on every retry) and <c>X-Warta-Timestamp</c> (Unix seconds
/// of this attempt, also in the signed body as <c>sentAt</c>).
/// </remarks>
public sealed class AlertWebhookClient : IDisposable
{
    public const string DeliveryHeader = "X-Warta-Delivery";
    public const string TimestampHeader = "X-Warta-Timestamp";

    private static readonly HttpRequestOptionsKey<AddressGuard> GuardKey = new("Warta.Hosting.AlertGuard");
    private static readonly AddressGuard Anything = new([IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")]);

    private readonly HttpClient _client;
    private readonly AddressGuard _guard;
    private readonly string? _publicUrl;

    public AlertWebhookClient(IOptions<AlertOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _guard = new AddressGuard(settings.AllowedRanges.Select(static r => IPNetwork.Parse(r)));
        _publicUrl = settings.PublicUrl.Length == 0 ? null : settings.PublicUrl;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = ConnectAsync,
            ConnectTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = false,
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Warta-Alerts/1.0");
    }

    /// <summary>Told every address considered at connect time; <see cref="ConnectAttempt.Refused"/> means no socket was opened.</summary>
    public Action<ConnectAttempt>? OnConnectAttempt { get; set; }

    /// <summary>Resolves a host name (tests stand in a fixed answer).</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; set; } = static (host, ct) => Dns.GetHostAddressesAsync(host, ct);

    /// <summary>POSTs <paramref name="alert"/> of <paramref name="rule"/> to <paramref name="webhook"/>, signed, as sent at <paramref name="sentAt"/>.</summary>
    public async Task<WebhookResult> PostAsync(AlertRule rule, AlertEvent alert, string webhook, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(alert);
        if (!Uri.TryCreate(webhook, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return new WebhookResult(false, Permanent: true, $"'{webhook}' is not an http or https URL");
        }
        var body = AlertJson.WebhookBody(rule, alert, sentAt, _publicUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(AlertSignature.Header, AlertSignature.Sign(body, rule.Secret ?? ""));
        request.Headers.Add(DeliveryHeader, alert.Key);
        request.Headers.Add(TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Options.Set(GuardKey, rule.AllowPrivateWebhook ? Anything : _guard);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return new WebhookResult(true, false, null);
            var code = (int)response.StatusCode;
            var error = string.Create(CultureInfo.InvariantCulture, $"HTTP {code} {response.ReasonPhrase}");
            if (code is >= 300 and < 400) error += " (redirects are not followed)";
            return new WebhookResult(false, false, error, RetryAfter(response, sentAt));
        }
        catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
        {
            return new WebhookResult(false, Permanent: true, "refused: " + refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookResult(false, false, "connection failed: " + (ex.InnerException?.Message ?? ex.Message));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookResult(false, false, string.Create(CultureInfo.InvariantCulture, $"no answer within {_client.Timeout.TotalSeconds:0.#} s"));
        }
    }

    public void Dispose() => _client.Dispose();

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };

    private static AddressRefusedException? Refusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AddressRefusedException refused) return refused;
        }
        return null;
    }

    private ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var guard = context.InitialRequestMessage.Options.TryGetValue(GuardKey, out var chosen) ? chosen : _guard;
        return guard.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, Resolve, OnConnectAttempt, ct);
    }
}
