using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Warta.Fetching.Tests;

public sealed class PolitenessTests(OutletFixture outlets) : IClassFixture<OutletFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(string Host, string Path, DateTimeOffset At)> _sent = new();

    private Fetcher NewFetcher(TimeSpan minHostDelay)
    {
        outlets.Clock = _clock;
        return new Fetcher(
            new FetchOptions
            {
                Guard = AddressGuard.AllowingLoopback,
                MinHostDelay = minHostDelay,
                // The fake clock is advanced while real I/O runs, so the fetch-wide limits must not fire on it.
                TotalTimeout = TimeSpan.FromDays(30),
                IdleTimeout = TimeSpan.FromDays(30),
                Resolve = (_, _) => Task.FromResult(new[] { IPAddress.Loopback }),
                // Stamped by the fetcher as it sends, so the driver's clock steps cannot slip in before the server logs a request.
                OnRequestStarted = (url, at) => _sent.Enqueue((url.Host, url.AbsolutePath, at)),
            },
            _clock);
    }

    // Advances the fake clock a second at a time until the fetch is done, as the pacing waits on it.
    private async Task<FetchResult> DriveAsync(Task<FetchResult> fetch)
    {
        // A fake second per 50 ms of real time: real loopback I/O on a busy machine must finish within a step, or the fake
        // clock runs ahead of it and a measured gap grows (5 ms steps let a loaded CI run see 54 s for a 10 s delay).
        for (var i = 0; i < 10_000 && !fetch.IsCompleted; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            if (!fetch.IsCompleted)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await fetch;
    }

    [Fact]
    public async Task Requests_to_one_host_are_paced_by_the_minimum_delay_while_another_host_is_not_held_back()
    {
        using var fetcher = NewFetcher(TimeSpan.FromSeconds(10));
        var ct = TestContext.Current.CancellationToken;
        await DriveAsync(fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/rss")), ct));
        await DriveAsync(fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/berita/banjir-jakarta-timur")), ct));
        var bStart = _clock.GetUtcNow();
        // Host B is paced too (its robots.txt, then its feed), but host A's pacing holds none of its requests back.
        var b = await DriveAsync(fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/rss")), ct));

        var toA = _sent.Where(r => r.Host == OutletFixture.HostA).ToList();
        Assert.Equal(["/robots.txt", "/rss", "/berita/banjir-jakarta-timur"], toA.Select(r => r.Path));
        for (var i = 1; i < toA.Count; i++)
        {
            // At least the delay; the driver's next step may land before the continuation reads the clock, so not exactly it.
            Assert.InRange(toA[i].At - toA[i - 1].At, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
        }

        Assert.Equal(200, b.StatusCode);
        var toB = _sent.Where(r => r.Host == OutletFixture.HostB).ToList();
        Assert.Equal(["/robots.txt", "/rss"], toB.Select(r => r.Path));
        Assert.Equal(bStart, toB[0].At);
        Assert.InRange(toB[1].At - toB[0].At, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));

    }

    [Fact]
    public async Task A_429_with_retry_after_seconds_backs_off_that_host_only_until_the_time_passes()
    {
        using var fetcher = NewFetcher(TimeSpan.Zero);
        var ct = TestContext.Current.CancellationToken;

        var busy = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/sibuk")), ct));
        Assert.Equal(429, busy.StatusCode);
        var before = outlets.RequestsTo(OutletFixture.HostB).Count();

        var waiting = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/rss")), ct));
        Assert.Equal(FetchFailure.HostBackingOff, waiting.Reason);
        Assert.Equal(before, outlets.RequestsTo(OutletFixture.HostB).Count());

        var other = await fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostA, "/rss")), ct);
        Assert.Equal(200, other.StatusCode);

        _clock.Advance(TimeSpan.FromSeconds(119));
        await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/rss")), ct));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var after = await fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/rss")), ct);
        Assert.Equal(200, after.StatusCode);
    }

    [Fact]
    public async Task A_503_with_a_retry_after_date_backs_off_the_host_until_that_date()
    {
        using var fetcher = NewFetcher(TimeSpan.Zero);
        var ct = TestContext.Current.CancellationToken;

        var down = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/pemeliharaan")), ct));
        Assert.Equal(503, down.StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(59));
        var waiting = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/rss")), ct));
        Assert.Equal(FetchFailure.HostBackingOff, waiting.Reason);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var after = await fetcher.FetchAsync(new FetchRequest(outlets.Url(OutletFixture.HostB, "/rss")), ct);
        Assert.Equal(200, after.StatusCode);
    }
}
