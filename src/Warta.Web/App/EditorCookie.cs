using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Warta.Web.App;

/// <summary>An editor's API key kept in the browser for the pages' correction forms: one cookie, protected by data protection, HttpOnly, SameSite=Strict, Secure over https.</summary>
/// <remarks>The cookie holds the key itself (protected), not a session: each request checks the key as the API does, so a key
/// revoked with <c>warta keys revoke</c> stops working in the browser too. It authenticates page requests only, never
/// <c>/api</c> (whose writes have no antiforgery token and must name their key).</remarks>
internal sealed class EditorCookie(IDataProtectionProvider protection)
{
    public const string CookieName = "warta-editor";

    /// <summary>How long a browser stays signed in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = protection.CreateProtector("Warta.Web.EditorKey.v1");

    /// <summary>The key the request's cookie holds; null without a cookie or when the cookie does not unprotect (tampered, or from keys this server no longer has).</summary>
    public string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            var key = _protector.Unprotect(value);
            return key.Length > 0 ? key : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="key"/> in the browser.</summary>
    public void SignIn(HttpContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, _protector.Protect(key), Options(context, DateTimeOffset.UtcNow.Add(Lifetime)));
    }

    /// <summary>Forgets the browser's key.</summary>
    public static void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, Options(context, null));
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        Expires = expires,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Path = "/",
    };
}
