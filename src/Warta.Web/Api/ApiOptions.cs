namespace Warta.Web.Api;

/// <summary>Settings of the JSON API (section <c>Api</c> of <c>warta.json</c>, or <c>WARTA_Api__…</c>).</summary>
public sealed record ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body <c>POST /api/v1/articles</c> takes (a record, a batch or a page); larger ones get 413.</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How long a key lookup is reused: a key revoked with <c>warta keys revoke</c> stops working within this time.</summary>
    public double KeyCacheSeconds { get; init; } = 5;
}
