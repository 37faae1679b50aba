using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Warta.Web.Api;
using Warta.Web.Resources;

namespace Warta.Web.App;

/// <summary>A form posted with the sign-in cookie of a revoked key gets 403 and a link to sign in again.</summary>
/// <remarks>Runs before the antiforgery check: the form's token was made for the key's name, so that check would
/// otherwise answer a bare 400 and hide the reason.</remarks>
internal sealed class RevokedEditorFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery filter (order 1000).</summary>
    public int Order => -1000;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return Task.CompletedTask;
        if (ApiKeyAuthenticationHandler.RevokedKeyName(http) is not { } name) return Task.CompletedTask;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var back = Uri.EscapeDataString(http.Request.Path.Value ?? "/");
        context.Result = new ContentResult
        {
            StatusCode = StatusCodes.Status403Forbidden,
            ContentType = "text/html; charset=utf-8",
            Content = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>403 · Warta</title><link rel=\"stylesheet\" href=\"{Stylesheet.VersionedPath}\"></head>" +
                $"<body><main><p class=\"error\">{WebUtility.HtmlEncode(text["SignIn.WasRevoked", name].Value)}</p>" +
                $"<p><a href=\"/signin?returnUrl={back}\">{WebUtility.HtmlEncode(text["SignIn.Title"].Value)}</a></p></main></body></html>",
        };
        return Task.CompletedTask;
    }
}
