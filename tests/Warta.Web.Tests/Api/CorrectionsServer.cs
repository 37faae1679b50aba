using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Ingestion;
using Warta.Hosting;
using Warta.Testing;
using Warta.Web.Api;

namespace Warta.Web.Tests.Api;

/// <summary>The sample corpus in a scratch store, served in-process with the corrections endpoints behind a test authentication: the <c>X-Test-User</c> header names the user, none is anonymous.</summary>
/// <remarks>API keys are another part's concern; this scheme stands in for them with the same contract (<c>ClaimTypes.Name</c>, the <see cref="ApiPolicies"/> names).</remarks>
public sealed class CorrectionsServer : IAsyncDisposable
{
    public const string UserHeader = "X-Test-User";

    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    private CorrectionsServer()
    {
    }

    public string Store => _folder.File("warta.db");

    public HttpClient Client { get; private set; } = null!;

    public static async Task<CorrectionsServer> StartAsync()
    {
        var server = new CorrectionsServer();
        await server.InitializeAsync();
        return server;
    }

    private async Task InitializeAsync()
    {
        await CorpusStore.IngestAsync(Store, _folder.Path);
        var builder = WartaWebApp.CreateBuilder(new ServeOptions(), [new(nameof(WartaOptions.Store), Store)], _folder.Path);
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(TestUser.SchemeName).AddScheme<AuthenticationSchemeOptions, TestUser>(TestUser.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Write, static p => p.RequireAuthenticatedUser())
            .AddPolicy(ApiPolicies.Read, static p => p.RequireAssertion(static _ => true));
        _app = builder.Build();
        _app.UseRouting();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGroup("/api/v1").MapCorrections();
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Authenticates a request whose <see cref="UserHeader"/> names a user, as that user.</summary>
    private sealed class TestUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "test";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var user) || string.IsNullOrEmpty(user)) return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
