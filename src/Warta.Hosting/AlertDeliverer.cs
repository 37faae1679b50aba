using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Alerts;
using Warta.Core.Storage;

namespace Warta.Hosting;

/// <summary>Makes the webhook deliveries that are due, one pass at a time, and records each attempt: at least once, with retries.</summary>
/// <remarks>
/// A failed attempt is tried again after min(<see cref="AlertOptions.MaxRetrySeconds"/>, <see cref="AlertOptions.FirstRetrySeconds"/>
/// · 2^(attempts − 1)), of which a random half is taken off ("equal jitter", so receivers that failed together are not
/// retried together), or after the receiver's <c>Retry-After</c> when that is longer; after
/// <see cref="AlertOptions.MaxAttempts"/> attempts, or at once for an address the guard refuses, it is recorded as failed.
/// A delivery is recorded only after its POST returned, so a crash in between sends it again with the same
/// <c>X-Warta-Delivery</c> key, which the receiver uses to drop the repeat. Time comes from the <see cref="TimeProvider"/>.
/// </remarks>
public sealed partial class AlertDeliverer(AlertWebhookClient client, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertDeliverer> logger)
{
    private const int DeliveriesPerPass = 100;

    /// <summary>The jitter's randomness (tests fix it).</summary>
    public Random Random { get; set; } = Random.Shared;

    /// <summary>Attempts every delivery due now in <paramref name="store"/>.</summary>
    public async Task<AlertDeliveryPass> RunAsync(IAlertStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var settings = options.Value;
        var due = await store.ListDueDeliveriesAsync(time.GetUtcNow(), DeliveriesPerPass, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0) return new AlertDeliveryPass(0, 0, 0, 0);
        var rules = (await store.ListAlertRulesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(static r => r.Id, StringComparer.Ordinal);
        int delivered = 0, retrying = 0, failed = 0;
        foreach (var delivery in due)
        {
            if (!rules.TryGetValue(delivery.Alert.RuleId, out var rule)) continue;
            var sentAt = time.GetUtcNow();
            var result = await client.PostAsync(rule, delivery.Alert, delivery.Webhook, sentAt, cancellationToken).ConfigureAwait(false);
            var attempts = delivery.Attempts + 1;
            var now = time.GetUtcNow();
            if (result.Delivered)
            {
                await store.RecordDeliveryAttemptAsync(delivery.Alert.Key, AlertDeliveryStatus.Delivered, now, null, null, cancellationToken).ConfigureAwait(false);
                LogDelivered(logger, delivery.Alert.Key, delivery.Webhook, attempts);
                delivered++;
            }
            else if (result.Permanent || attempts >= settings.MaxAttempts)
            {
                await store.RecordDeliveryAttemptAsync(delivery.Alert.Key, AlertDeliveryStatus.Failed, now, result.Error, null, cancellationToken).ConfigureAwait(false);
                LogFailed(logger, delivery.Alert.Key, delivery.Webhook, attempts, result.Error ?? "");
                failed++;
            }
            else
            {
                var next = now + Backoff(attempts, result.RetryAfter, settings);
                await store.RecordDeliveryAttemptAsync(delivery.Alert.Key, AlertDeliveryStatus.Pending, now, result.Error, next, cancellationToken).ConfigureAwait(false);
                LogRetrying(logger, delivery.Alert.Key, delivery.Webhook, attempts, result.Error ?? "", next);
                retrying++;
            }
        }
        return new AlertDeliveryPass(delivered + retrying + failed, delivered, retrying, failed);
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failure (see the class remarks).</summary>
    public TimeSpan Backoff(int attempts, TimeSpan? retryAfter, AlertOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exponential = Math.Min(settings.MaxRetrySeconds, settings.FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        var jittered = exponential / 2 + (Random.NextDouble() * exponential / 2);
        var wait = Math.Max(jittered, Math.Min(settings.MaxRetrySeconds, retryAfter?.TotalSeconds ?? 0));
        return TimeSpan.FromSeconds(wait);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "alert {Key} delivered to {Webhook} (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string key, string webhook, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert {Key} to {Webhook} failed (attempt {Attempt}): {Error}; next attempt {Next}")]
    private static partial void LogRetrying(ILogger logger, string key, string webhook, int attempt, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error, Message = "alert {Key} to {Webhook} given up after attempt {Attempt}: {Error}")]
    private static partial void LogFailed(ILogger logger, string key, string webhook, int attempt, string error);
}
