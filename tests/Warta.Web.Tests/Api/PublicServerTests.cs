using System.Net;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary><c>--public</c> beyond loopback: reads are open to anyone, writes still need a key.</summary>
public sealed class PublicServerTests(PublicServerTests.PublicServer served) : IClassFixture<PublicServerTests.PublicServer>
{
    public sealed class PublicServer : ServedApi
    {
        protected override ServeOptions Serve => new() { Urls = "http://0.0.0.0:5080", Public = true };
    }

    [Fact]
    public async Task A_public_server_lets_a_remote_client_read_without_a_key_but_not_write()
    {
        var server = served.App.GetTestServer();
        var read = await server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/v1/stories";
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        }, TestContext.Current.CancellationToken);
        var write = await server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/v1/articles";
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream("{\"title\":\"x\",\"text\":\"y\"}"u8.ToArray());
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        }, TestContext.Current.CancellationToken);

        Assert.Equal(200, read.Response.StatusCode);
        Assert.Equal(401, write.Response.StatusCode);
    }
}
