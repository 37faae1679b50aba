namespace Warta.Web.Api;

/// <summary>The health endpoint's answer: the store can be read (<paramref name="Status"/> "ok"), and whether writes are taken yet
/// (<paramref name="Writes"/>: "opening" while the placer opens, then "ready", or "failed").</summary>
internal sealed record HealthJson(string Status, string Writes);
