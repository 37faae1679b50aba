using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Xunit;

namespace Warta.Fetching.Tests;

public sealed class FetcherTests(OutletFixture outlets) : IClassFixture<OutletFixture>
{
    private readonly ConcurrentQueue<ConnectAttempt> _attempts = new();

    private Fetcher NewFetcher(AddressGuard? guard = null) => new(new FetchOptions
    {
        UserAgent = "WartaBot/1.0 (+https://warta.example/bot; redaksi@warta.example)",
        Guard = guard ?? AddressGuard.AllowingLoopback,
        MinHostDelay = TimeSpan.Zero,
        IdleTimeout = TimeSpan.FromMilliseconds(700),
        Resolve = (host, _) => Task.FromResult(host is OutletFixture.HostA or OutletFixture.HostB ? [IPAddress.Loopback] : Array.Empty<IPAddress>()),
        OnConnectAttempt = _attempts.Enqueue,
    });

    private async Task AssertSecondHostStillServedAsync(Fetcher fetcher)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/rss")), TestContext.Current.CancellationToken);
        Assert.Equal(200, result.StatusCode);
        Assert.Contains("Kabar A - Terkini", Encoding.UTF8.GetString(result.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_comes_back_with_its_bytes_charset_validators_and_our_user_agent_was_sent()
    {
        using var fetcher = NewFetcher();
        var url = outlets.Url(OutletFixture.HostA, "/berita/banjir-jakarta-timur");

        var result = await fetcher.FetchAsync(new FetchRequest(url), TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.False(result.NotModified);
        Assert.Equal(OutletFixture.Article, Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal("text/html", result.MediaType);
        Assert.Equal("utf-8", result.Charset);
        Assert.Equal(OutletFixture.PageETag, result.ETag);
        Assert.Equal(OutletFixture.PageLastModified, result.LastModified);
        Assert.Equal(url, result.FinalUrl);
        var logged = outlets.RequestsTo(OutletFixture.HostA).Where(r => r.Path == "/berita/banjir-jakarta-timur").ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, r => Assert.Equal("WartaBot/1.0 (+https://warta.example/bot; redaksi@warta.example)", r.UserAgent));
    }

    [Fact]
    public async Task A_conditional_get_with_the_current_etag_is_not_modified_and_has_no_body()
    {
        using var fetcher = NewFetcher();
        var request = new FetchRequest(outlets.Url(OutletFixture.HostA, "/berita/banjir-jakarta-timur")) { ETag = OutletFixture.PageETag };

        var result = await fetcher.FetchAsync(request, TestContext.Current.CancellationToken);

        Assert.True(result.NotModified);
        Assert.Equal(0, result.Body.Length);
    }

    [Fact]
    public async Task A_conditional_get_with_the_current_last_modified_is_not_modified()
    {
        using var fetcher = NewFetcher();
        var request = new FetchRequest(outlets.Url(OutletFixture.HostA, "/berita/banjir-jakarta-timur"))
        {
            LastModified = OutletFixture.PageLastModified,
        };

        var result = await fetcher.FetchAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(304, result.StatusCode);
        Assert.Equal(0, result.Body.Length);
    }

    [Fact]
    public async Task A_path_robots_txt_disallows_is_never_requested()
    {
        using var fetcher = NewFetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/rahasia/dokumen")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.DisallowedByRobots, e.Reason);
        Assert.Contains(outlets.RequestsTo(OutletFixture.HostA), r => r.Path == "/robots.txt");
        Assert.DoesNotContain(outlets.Requests, r => r.Path.StartsWith("/rahasia/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redirect_is_followed_to_the_final_url()
    {
        using var fetcher = NewFetcher();

        var result = await fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/lama")), TestContext.Current.CancellationToken);

        Assert.Equal(outlets.Url(OutletFixture.HostA, "/berita/banjir-jakarta-timur"), result.FinalUrl);
        Assert.Equal(outlets.Url(OutletFixture.HostA, "/lama"), result.RequestedUrl);
        Assert.Equal(OutletFixture.Article, Encoding.UTF8.GetString(result.Body.Span));
    }

    [Fact]
    public async Task A_fifty_megabyte_page_stops_at_the_cap_and_another_host_is_still_served()
    {
        using var fetcher = NewFetcher();
        var url = outlets.Url(OutletFixture.HostA, "/besar");

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(url), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.TooLarge, e.Reason);
        Assert.Equal(url, e.Url);
        await AssertSecondHostStillServedAsync(fetcher);
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_cap_after_decompression()
    {
        using var fetcher = NewFetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/bom")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.TooLarge, e.Reason);
        Assert.Contains("after decompression", e.Message, StringComparison.Ordinal);
        await AssertSecondHostStillServedAsync(fetcher);
    }

    [Fact]
    public async Task A_page_dripping_a_byte_a_second_ends_with_an_idle_timeout()
    {
        using var fetcher = NewFetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/tetes")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.IdleTimeout, e.Reason);
        Assert.Contains("/tetes", e.Message, StringComparison.Ordinal);
        await AssertSecondHostStillServedAsync(fetcher);
    }

    [Fact]
    public async Task A_redirect_loop_is_a_clear_error()
    {
        using var fetcher = NewFetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/putar/a")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.RedirectLoop, e.Reason);
        Assert.Contains("loop", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_without_a_connection_attempt()
    {
        using var fetcher = NewFetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/ke-privat")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.AddressRefused, e.Reason);
        Assert.Equal("10.0.0.1", e.Url.Host);
        var toPrivate = _attempts.Where(a => a.Address.Equals(IPAddress.Parse("10.0.0.1"))).ToList();
        Assert.NotEmpty(toPrivate);
        Assert.All(toPrivate, a => Assert.True(a.Refused));
        await AssertSecondHostStillServedAsync(fetcher);
    }

    [Fact]
    public async Task A_host_that_resolves_to_loopback_is_refused_when_loopback_is_not_allowed()
    {
        using var fetcher = NewFetcher(AddressGuard.PublicOnly);
        var before = outlets.Requests.Count;

        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/rss")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.AddressRefused, e.Reason);
        Assert.NotEmpty(_attempts);
        Assert.All(_attempts, a => Assert.True(a.Refused));
        Assert.Equal(before, outlets.Requests.Count);
    }

    [Fact]
    public async Task A_source_that_allows_loopback_reaches_it_through_a_public_only_fetcher()
    {
        using var fetcher = NewFetcher(AddressGuard.PublicOnly);
        var request = new FetchRequest(outlets.Url(OutletFixture.HostB, "/rss")) { Guard = AddressGuard.AllowingLoopback };

        var result = await fetcher.FetchAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.Contains(_attempts, a => !a.Refused && IPAddress.IsLoopback(a.Address));
    }

    [Theory]
    [InlineData("ftp://kabar-a.test/berita")]
    [InlineData("file:///etc/passwd")]
    public async Task A_url_that_is_not_http_or_https_is_refused(string url)
    {
        using var fetcher = NewFetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(new Uri(url)), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.UnsupportedScheme, e.Reason);
        Assert.Empty(_attempts);
    }

    [Fact]
    public async Task A_gone_page_fails_with_its_status()
    {
        using var fetcher = NewFetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/hilang")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.HttpStatus, e.Reason);
        Assert.Equal(410, e.StatusCode);
    }

    [Fact]
    public async Task A_content_type_not_accepted_is_refused()
    {
        using var fetcher = NewFetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/gambar")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.ContentTypeNotAllowed, e.Reason);
        Assert.Contains("image/png", e.Message, StringComparison.Ordinal);
    }
}
