using System.Net;

namespace Warta.Fetching;

/// <summary>One address the fetcher considered connecting to: <see cref="Refused"/> means the guard stopped it and no socket was opened.</summary>
public sealed record ConnectAttempt(string Host, int Port, IPAddress Address, bool Refused);
