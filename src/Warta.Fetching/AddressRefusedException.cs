namespace Warta.Fetching;

/// <summary>Thrown by <see cref="AddressGuard.ConnectAsync"/> when the guard refuses every address of a host (no connection was attempted); the fetcher turns it into a <see cref="FetchException"/>.</summary>
public sealed class AddressRefusedException(string host) : Exception($"every address of {host} is refused by the address guard (private, loopback, link-local or multicast)")
{
}
