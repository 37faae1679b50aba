using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Warta.Web.App;

/// <summary><c>UseWartaPages()</c> and <c>MapWartaPages()</c>: the web app's middleware (security headers, interface language) and endpoints (pages, stylesheet, language switch).</summary>
public static class PagesApplicationExtensions
{
    /// <summary>Security headers on every page and the reader's interface language; call before routing.</summary>
    public static IApplicationBuilder UseWartaPages(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders.Apply);
        app.UseRequestLocalization();
        return app;
    }

    public static IEndpointRouteBuilder MapWartaPages(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapMethods(Stylesheet.Path, ["GET", "HEAD"], Stylesheet.Serve);
        routes.MapGet("/language/{culture}", LanguageSwitch.Switch);
        // Pages show the store as the API does, so they are readable by whoever may read the API (anyone on loopback or with --public).
        routes.MapRazorPages().RequireAuthorization(Api.ApiPolicies.Read);
        return routes;
    }
}
