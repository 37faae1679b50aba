using Warta.Core.Alerts;

namespace Warta.Core.Storage;

/// <summary>One alert's webhook delivery: the alert, how often it was tried, how it stands.</summary>
/// <param name="Alert">The alert delivered; its key is the delivery's idempotency key.</param>
/// <param name="Webhook">The URL it goes to.</param>
/// <param name="Status">Pending, delivered or failed.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastError">The last attempt's error; null after a success or before any attempt.</param>
/// <param name="NextAttempt">When a pending delivery is tried next; null once it is settled.</param>
/// <param name="LastAttempt">When it was last tried; null before the first attempt.</param>
public sealed record AlertDelivery(
    AlertEvent Alert,
    string Webhook,
    AlertDeliveryStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttempt,
    DateTimeOffset? LastAttempt);
