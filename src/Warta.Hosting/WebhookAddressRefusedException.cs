namespace Warta.Hosting;

/// <summary>Thrown from the webhook client's connect callback when the address guard refuses every address of the host: no socket was opened.</summary>
internal sealed class WebhookAddressRefusedException(string host) : Exception($"every address of {host} is refused by the address guard (private, loopback, link-local or multicast)")
{
}
