namespace Warta.Fetching.Tests;

public sealed record LoggedRequest(string Host, string Path, string UserAgent, DateTimeOffset At);
