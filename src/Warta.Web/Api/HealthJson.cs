namespace Warta.Web.Api;

/// <summary>The health endpoint's answer.</summary>
internal sealed record HealthJson(string Status);
