namespace Warta.Fetching;

/// <summary>Thrown from the connect callback when the guard refuses every address of a host; the fetcher turns it into a <see cref="FetchException"/>.</summary>
internal sealed class AddressRefusedException(string host) : Exception($"every address of {host} is refused by the address guard")
{
}
