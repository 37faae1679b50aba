using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warta.Web.Api;
using Warta.Web.App;

namespace Warta.Web.Pages;

/// <summary>An editor pastes an API key once; checked as the API checks keys, it is kept in the <see cref="EditorCookie"/> so the story page's correction forms can write as the key's name.</summary>
internal sealed class SignInModel(ApiKeyCache keys, EditorCookie cookie) : PageModel
{
    /// <summary>The name of the key this browser is signed in with (valid now), or null.</summary>
    public string? Editor { get; private set; }

    /// <summary>The name of the revoked key the browser still holds, or null.</summary>
    public string? Revoked { get; private set; }

    /// <summary>Resource name of what went wrong with a pasted key, or null.</summary>
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        Editor = User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;
        Revoked = ApiKeyAuthenticationHandler.RevokedKeyName(HttpContext);
    }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        key = key?.Trim();
        var found = string.IsNullOrEmpty(key) ? null : await keys.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (found is not { IsValid: true })
        {
            Error = found is null ? "SignIn.Unknown" : "SignIn.RevokedKey";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        cookie.SignIn(HttpContext, key!);
        return LocalRedirect(LanguageSwitch.IsLocal(ReturnUrl) ? ReturnUrl! : "/signin");
    }

    public IActionResult OnPostSignOut()
    {
        EditorCookie.SignOut(HttpContext);
        return LocalRedirect(LanguageSwitch.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
    }
}
