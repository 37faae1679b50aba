using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Warta.Web.Api;

/// <summary>Authenticates a request by its API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>); the key's name becomes <see cref="ClaimTypes.Name"/>.</summary>
/// <remarks>Page requests (not <c>/api</c>) may carry the key in the editor's sign-in cookie (<see cref="App.EditorCookie"/>) instead.
/// No key: anonymous (a read may still be allowed). A key the store does not know: 401. A revoked key: 403, so a
/// client can tell "wrong key" (fix the configuration) from "key withdrawn" (ask for a new one). Both answers are problem+json.</remarks>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeyCache keys, IProblemDetailsService problems, App.EditorCookie editorCookie)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "WartaApiKey";

    public const string KeyHeader = "X-Api-Key";

    private const string RevokedItem = "warta.revokedKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request) ?? (IsApi(Request) ? null : editorCookie.KeyOf(Request));
        if (key is null) return AuthenticateResult.NoResult();
        var found = await keys.FindAsync(key, Context.RequestAborted).ConfigureAwait(false);
        if (found is null)
        {
            LogUnknownKey(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString() ?? "-");
            return AuthenticateResult.Fail("unknown API key");
        }
        if (!found.IsValid)
        {
            LogRevokedKey(Logger, found.Name, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString() ?? "-");
            Context.Items[RevokedItem] = found.Name;
            return AuthenticateResult.Fail("revoked API key");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, found.Name)], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.TryGetValue(RevokedItem, out var name)) return Revoked((string)name!);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = KeyOf(Request) is null
            ? $"this needs an API key, as 'Authorization: Bearer KEY' or '{KeyHeader}: KEY' (make one with `warta keys create NAME`)"
            : "the API key is not known to this server";
        return Write(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.Items.TryGetValue(RevokedItem, out var name)
            ? Revoked((string)name!)
            : Write(StatusCodes.Status403Forbidden, "Forbidden", "this key may not do that");

    private Task Revoked(string name) => Write(StatusCodes.Status403Forbidden, "Forbidden", $"the API key '{name}' was revoked");

    private async Task Write(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    /// <summary>The name of the revoked key the request carried (header or sign-in cookie), or null.</summary>
    public static string? RevokedKeyName(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(RevokedItem, out var name) ? name as string : null;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key a request carries in its headers, or null.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var key = authorization["Bearer ".Length..].Trim();
            if (key.Length > 0) return key;
        }
        string? header = request.Headers[KeyHeader];
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} from {Remote}: unknown API key")]
    private static partial void LogUnknownKey(ILogger logger, string method, string path, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} from {Remote}: revoked API key '{Name}'")]
    private static partial void LogRevokedKey(ILogger logger, string name, string method, string path, string remote);
}
