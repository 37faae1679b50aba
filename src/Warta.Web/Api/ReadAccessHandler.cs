using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Warta.Web.Api;

/// <summary>Reads are open when the server listens only on loopback, when it was started <c>--public</c>, or to a loopback
/// client; otherwise they need a valid key, like writes.</summary>
internal sealed class ReadAccessHandler(ServeOptions serve) : AuthorizationHandler<ReadAccessRequirement>
{
    private readonly bool _open = serve.Public || ListensOnlyOnLoopback(serve.Urls);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccessRequirement requirement)
    {
        var remote = (context.Resource as HttpContext)?.Connection.RemoteIpAddress;
        if (_open || context.User.Identity?.IsAuthenticated == true || (remote is not null && IPAddress.IsLoopback(remote)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    /// <summary>Whether every URL of <paramref name="urls"/> (Kestrel's semicolon-separated list) names a loopback host.</summary>
    /// <remarks>Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>) and names other than <c>localhost</c> count as beyond loopback.</remarks>
    public static bool ListensOnlyOnLoopback(string urls)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(static url =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))));
    }
}
