namespace Warta.Core.Messaging;

/// <summary>One message taken from a work queue and not settled yet.</summary>
/// <param name="Tag">The delivery's number on its consumer, increasing in delivery order.</param>
/// <param name="Message">What the message holds.</param>
/// <param name="Redelivered">Whether the broker delivered it before (its earlier consumer went away without acknowledging).</param>
/// <typeparam name="T">What a message holds.</typeparam>
public sealed record WorkDelivery<T>(ulong Tag, T Message, bool Redelivered)
    where T : class;
