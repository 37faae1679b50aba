using System.Net;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary>A server that listens beyond loopback: reads need a key (unless <c>--public</c>). No socket is bound: TestServer
/// stands in, and the remote address is set on each request (a TEST-NET-3 address, RFC 5737, never contacted).</summary>
public sealed class ApiAccessTests(ApiAccessTests.WideServer served) : IClassFixture<ApiAccessTests.WideServer>
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    public sealed class WideServer : ServedApi
    {
        protected override ServeOptions Serve => new() { Urls = "http://0.0.0.0:5080" };
    }

    private Task<Microsoft.AspNetCore.Http.HttpContext> GetAsync(string path, string? key = null, IPAddress? remote = null) =>
        served.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = remote ?? Remote;
            if (key is not null) c.Request.Headers["X-Api-Key"] = key;
        }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_remote_read_needs_a_valid_key_when_the_server_listens_beyond_loopback()
    {
        var anonymous = await GetAsync("/api/v1/stories");
        var wrong = await GetAsync("/api/v1/stories", "wk_wrong");
        var revoked = await GetAsync("/api/v1/stories", served.RevokedKey);
        var keyed = await GetAsync("/api/v1/stories", served.Key);
        var local = await GetAsync("/api/v1/stories", remote: IPAddress.Loopback);

        Assert.Equal(401, anonymous.Response.StatusCode);
        Assert.Equal(401, wrong.Response.StatusCode);
        Assert.Equal(403, revoked.Response.StatusCode);
        Assert.Equal(200, keyed.Response.StatusCode);
        Assert.Equal(200, local.Response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080;http://[::1]:5081", true)]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://192.0.2.1:5080", false)]
    public void Only_loopback_urls_count_as_listening_on_loopback(string urls, bool loopback) =>
        Assert.Equal(loopback, Warta.Web.Api.ReadAccessHandler.ListensOnlyOnLoopback(urls));
}
