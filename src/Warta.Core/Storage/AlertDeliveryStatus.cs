namespace Warta.Core.Storage;

/// <summary>Where a webhook delivery stands.</summary>
public enum AlertDeliveryStatus
{
    /// <summary>Not delivered yet; tried again at its next attempt time.</summary>
    Pending = 1,

    /// <summary>The webhook answered 2xx.</summary>
    Delivered = 2,

    /// <summary>Given up: attempts exhausted, or refused for good (an address the guard refuses).</summary>
    Failed = 3,
}
