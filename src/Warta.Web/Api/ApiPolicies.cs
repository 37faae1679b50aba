namespace Warta.Web.Api;

/// <summary>Names of the authorization policies endpoints require, so every endpoint that writes asks for the same thing.</summary>
public static class ApiPolicies
{
    /// <summary>A valid, unrevoked API key; the key's name is the user's name (<c>ClaimTypes.Name</c>) in corrections' "who".</summary>
    public const string Write = "warta-write";

    /// <summary>Reading: anyone on loopback or with <c>--public</c>; otherwise a valid key as for <see cref="Write"/>.</summary>
    public const string Read = "warta-read";
}
