namespace Warta.Hosting;

/// <summary>What one pass over the due deliveries did.</summary>
/// <param name="Attempted">POSTs made.</param>
/// <param name="Delivered">Answered 2xx.</param>
/// <param name="Retrying">Failed and scheduled again.</param>
/// <param name="Failed">Given up (attempts exhausted, or refused for good).</param>
public sealed record AlertDeliveryPass(int Attempted, int Delivered, int Retrying, int Failed);
