using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Warta.Web.App;

/// <summary><c>GET /language/{culture}?returnUrl=…</c>: keeps the chosen interface language in the request-localisation cookie and goes back to the page.</summary>
internal static class LanguageSwitch
{
    public static IResult Switch(string culture, string? returnUrl, HttpContext context)
    {
        if (!PageCultures.IsSupported(culture)) return Results.NotFound();
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/" });
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>Whether <paramref name="url"/> stays on this site: a path, never <c>//host</c> or <c>/\host</c> (an open redirect).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);
}
