using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Warta.Fetching.Tests;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("ff02::1")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("::")]
    [InlineData("255.255.255.255")]
    [InlineData("240.0.0.1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:100.64.0.1")]
    [InlineData("::ffff:224.0.0.1")]
    [InlineData("::ffff:0.0.0.0")]
    [InlineData("::10.0.0.1")]
    public void A_non_public_address_is_refused(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.False(AddressGuard.PublicOnly.IsAllowed(ip));
        Assert.False(AddressGuard.IsPublic(ip));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("103.10.66.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void A_public_address_is_allowed(string address)
    {
        Assert.True(AddressGuard.PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Allowing_loopback_allows_loopback_in_every_form(string address)
    {
        Assert.True(AddressGuard.AllowingLoopback.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    public void Allowing_loopback_still_refuses_other_private_ranges(string address)
    {
        Assert.False(AddressGuard.AllowingLoopback.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_explicitly_allowed_private_range_is_allowed_and_its_neighbours_are_not()
    {
        var guard = new AddressGuard([IPNetwork.Parse("10.1.0.0/16")]);

        Assert.True(guard.IsAllowed(IPAddress.Parse("10.1.2.3")));
        Assert.False(guard.IsAllowed(IPAddress.Parse("10.2.0.1")));
    }

    [Fact]
    public async Task In_loopback_only_mode_a_guard_that_allows_everything_refuses_a_public_and_a_private_address_without_dialling_and_still_reaches_loopback()
    {
        var ct = TestContext.Current.CancellationToken;
        var anything = new AddressGuard([IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")]);
        var attempts = new ConcurrentQueue<ConnectAttempt>();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // A made-up outlet whose DNS answers a public and a private address: never dialled in this mode.
        static Task<IPAddress[]> Resolve(string host, CancellationToken _) => Task.FromResult(host switch
        {
            "kabar-daerah.test" => new[] { IPAddress.Parse("203.0.114.7"), IPAddress.Parse("10.20.30.40") },
            _ => [IPAddress.Loopback],
        });
        var before = AddressGuard.LoopbackOnly;
        AddressGuard.LoopbackOnly = true;
        try
        {
            await Assert.ThrowsAsync<AddressRefusedException>(async () => await anything.ConnectAsync("kabar-daerah.test", port, Resolve, attempts.Enqueue, ct));
            Assert.Equal(2, attempts.Count);
            Assert.All(attempts, static a => Assert.True(a.Refused));

            await using var stream = await anything.ConnectAsync("redaksi.test", port, Resolve, attempts.Enqueue, ct);
            using var accepted = await listener.AcceptTcpClientAsync(ct);
            Assert.False(attempts.Last().Refused);
        }
        finally
        {
            AddressGuard.LoopbackOnly = before;
        }
    }
}
