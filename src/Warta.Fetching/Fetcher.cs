using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Warta.Core.Sources;

namespace Warta.Fetching;

/// <summary>Fetches pages and feeds of followed outlets politely and safely: guarded connects, hand-followed redirects, size and time limits, robots.txt, per-host pacing and backoff.</summary>
/// <remarks>
/// <para>One per process: it owns one <see cref="HttpClient"/> whose <see cref="SocketsHttpHandler.ConnectCallback"/> resolves
/// the host itself and opens sockets only to addresses the <see cref="AddressGuard"/> allows, so neither a DNS answer nor a
/// redirect can reach a private address. No proxy is used: a proxy would make the guarded connect go to the proxy instead.</para>
/// <para>Retries: <c>Microsoft.Extensions.Http.Resilience</c> is not used. Its retry pipeline would retry inside the per-host
/// gate (holding other requests to that host for the whole backoff) and cannot tell a guard refusal or a robots refusal from a
/// transient error; a watcher polls every source again on its next round, which is the retry, and a 429/503 sets the host's
/// backoff here so that round respects it. Timeouts are the total and idle-read limits below.</para>
/// <para>Every failure is a <see cref="FetchException"/> naming the URL; one host's failure or backoff never delays another host.</para>
/// <para>Known limit: pooled connections are keyed by host and port, so a connection opened for a request whose guard allowed
/// an address may be reused by a later request to the same host and port with a stricter guard. Sources of one host should
/// share one guard.</para>
/// </remarks>
public sealed class Fetcher : IDisposable
{
    private static readonly HttpRequestOptionsKey<AddressGuard> GuardKey = new("Warta.Fetching.AddressGuard");

    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.Ordinal);

    public Fetcher(FetchOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = ConnectAsync,
            ConnectTimeout = options.ConnectTimeout,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 64,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Fetches <paramref name="request"/>'s URL, following up to <see cref="FetchOptions.MaxRedirects"/> redirects.</summary>
    /// <exception cref="FetchException">The fetch failed; <see cref="FetchException.Reason"/> says why.</exception>
    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var total = new CancellationTokenSource(_options.TotalTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, total.Token);
        var current = request.Url;
        try
        {
            var guard = request.Guard ?? _options.Guard;
            var visited = new HashSet<string>(StringComparer.Ordinal) { current.AbsoluteUri };
            for (var hop = 0; ; hop++)
            {
                CheckScheme(current);
                if (_options.ObeyRobots)
                {
                    await CheckRobotsAsync(current, guard, linked.Token).ConfigureAwait(false);
                }

                var conditional = hop == 0 ? request : null;
                var (result, location) = await SendOnceAsync(request.Url, current, guard, conditional, linked.Token).ConfigureAwait(false);
                if (result is not null)
                {
                    return result;
                }

                var next = location!;
                if (!visited.Add(next.AbsoluteUri))
                {
                    throw new FetchException(current, FetchFailure.RedirectLoop, $"redirect loop: {next} was already visited");
                }

                if (hop + 1 > _options.MaxRedirects)
                {
                    throw new FetchException(current, FetchFailure.TooManyRedirects, $"more than {_options.MaxRedirects} redirects");
                }

                current = next;
            }
        }
        catch (OperationCanceledException e) when (total.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(current, FetchFailure.Timeout, $"took longer than {_options.TotalTimeout}", e);
        }
    }

    public void Dispose() => _client.Dispose();

    private static void CheckScheme(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new FetchException(url, FetchFailure.UnsupportedScheme, "only absolute http and https URLs are fetched");
        }
    }

    private HostState HostOf(Uri url) => _hosts.GetOrAdd(
        string.Create(CultureInfo.InvariantCulture, $"{url.Scheme}://{url.IdnHost}:{url.Port}"), _ => new HostState());

    private async Task CheckRobotsAsync(Uri url, AddressGuard guard, CancellationToken ct)
    {
        if (url.AbsolutePath == "/robots.txt")
        {
            return;
        }

        var host = HostOf(url);
        RobotsTxt robots;
        await host.RobotsGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (host.Robots is null || _time.GetUtcNow() >= host.RobotsExpiry)
            {
                host.Robots = await FetchRobotsAsync(url, guard, ct).ConfigureAwait(false);
                host.RobotsExpiry = _time.GetUtcNow() + _options.RobotsCacheTime;
            }

            robots = host.Robots;
        }
        finally
        {
            host.RobotsGate.Release();
        }

        if (!robots.IsAllowed(url))
        {
            throw new FetchException(url, FetchFailure.DisallowedByRobots, robots.DisallowsAll
                ? "robots.txt of the host could not be read, so nothing is fetched from it"
                : "robots.txt disallows this URL");
        }
    }

    // RFC 9309 §2.3.1: 2xx parse, 4xx allow all, 5xx or unreachable disallow all. A guard refusal is the page's own failure.
    private async Task<RobotsTxt> FetchRobotsAsync(Uri page, AddressGuard guard, CancellationToken ct)
    {
        var robotsUrl = new Uri(page, "/robots.txt");
        try
        {
            var current = robotsUrl;
            for (var hop = 0; hop <= _options.MaxRedirects; hop++)
            {
                CheckScheme(current);
                var (result, location) = await SendOnceAsync(robotsUrl, current, guard, null, ct).ConfigureAwait(false);
                if (result is not null)
                {
                    var text = Encoding.UTF8.GetString(result.Body.Span[..Math.Min(result.Body.Length, RobotsTxt.MaxParsedBytes)]);
                    return RobotsTxt.Parse(text, _options.RobotsProductToken);
                }

                current = location!;
            }

            return RobotsTxt.AllowAll;
        }
        catch (FetchException e) when (e.Reason == FetchFailure.HttpStatus && e.StatusCode is >= 400 and < 500 and not 429)
        {
            return RobotsTxt.AllowAll;
        }
        catch (FetchException e) when (e.Reason is not FetchFailure.AddressRefused and not FetchFailure.UnsupportedScheme and not FetchFailure.HostBackingOff)
        {
            return RobotsTxt.DisallowAll;
        }
    }

    // One request to one URL under the host's gate and pacing: a result, or the next URL of a redirect.
    private async Task<(FetchResult? Result, Uri? Location)> SendOnceAsync(
        Uri requested, Uri url, AddressGuard guard, FetchRequest? conditional, CancellationToken ct)
    {
        var host = HostOf(url);
        await host.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (host.BackoffUntil > now)
            {
                throw new FetchException(url, FetchFailure.HostBackingOff,
                    string.Create(CultureInfo.InvariantCulture, $"the host asked to wait until {host.BackoffUntil:O}"));
            }

            var wait = host.NextStart - now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            }

            var delay = _options.MinHostDelay;
            if (host.Robots?.CrawlDelay is { } crawlDelay && crawlDelay > delay)
            {
                delay = crawlDelay;
            }

            var started = _time.GetUtcNow();
            host.NextStart = started + delay;
            _options.OnRequestStarted?.Invoke(url, started);

            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Options.Set(GuardKey, guard);
            message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            if (conditional?.ETag is { } etag)
            {
                message.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (conditional?.LastModified is { } lastModified)
            {
                message.Headers.IfModifiedSince = lastModified;
            }

            using var response = await SendAsync(url, message, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 and not 304)
            {
                var location = response.Headers.Location
                    ?? throw new FetchException(url, FetchFailure.HttpStatus, $"redirect {status} without a Location", statusCode: status);
                return (null, location.IsAbsoluteUri ? location : new Uri(url, location));
            }

            if (status is 429 or 503)
            {
                var retryAfter = RetryAfter(response, _time.GetUtcNow());
                host.BackoffUntil = _time.GetUtcNow() + retryAfter;
                throw new FetchException(url, FetchFailure.HttpStatus,
                    string.Create(CultureInfo.InvariantCulture, $"status {status}; backing off the host for {retryAfter}"), statusCode: status);
            }

            if (status != 304 && status is < 200 or >= 300)
            {
                throw new FetchException(url, FetchFailure.HttpStatus, $"status {status}", statusCode: status);
            }

            var contentType = response.Content.Headers.ContentType;
            var mediaType = contentType?.MediaType?.ToLowerInvariant();
            if (status != 304 && mediaType is not null && !_options.AllowedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                throw new FetchException(url, FetchFailure.ContentTypeNotAllowed, $"content type {mediaType} is not accepted");
            }

            var body = status == 304 ? ReadOnlyMemory<byte>.Empty : await ReadBodyAsync(url, response, ct).ConfigureAwait(false);
            return (new FetchResult
            {
                RequestedUrl = requested,
                FinalUrl = url,
                StatusCode = status,
                Body = body,
                MediaType = mediaType,
                Charset = contentType?.CharSet?.Trim('"'),
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified,
                Headers = HeadersOf(response),
            }, null);
        }
        finally
        {
            host.Gate.Release();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, HttpRequestMessage message, CancellationToken ct)
    {
        try
        {
            return await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (IsRefusal(e))
        {
            throw new FetchException(url, FetchFailure.AddressRefused, $"refused by the address guard: no connection to {url.Host} was attempted", e);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(url, FetchFailure.Network, e.Message, e);
        }
    }

    private static bool IsRefusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        var max = _options.MaxBodyBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            throw new FetchException(url, FetchFailure.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"Content-Length {response.Content.Headers.ContentLength} exceeds the cap of {max} bytes"));
        }

        // The stream is already decompressed (AutomaticDecompression), so the cap counts decompressed bytes and a gzip bomb stops at it.
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var chunk = new byte[64 * 1024];
            while (true)
            {
                using var idle = new CancellationTokenSource(_options.IdleTimeout, _time);
                using var read = CancellationTokenSource.CreateLinkedTokenSource(ct, idle.Token);
                int n;
                try
                {
                    n = await stream.ReadAsync(chunk, read.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (idle.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    throw new FetchException(url, FetchFailure.IdleTimeout, $"no data for {_options.IdleTimeout}", e);
                }
                catch (IOException e) when (!ct.IsCancellationRequested)
                {
                    throw new FetchException(url, FetchFailure.Network, e.Message, e);
                }
                catch (HttpRequestException e) when (!ct.IsCancellationRequested)
                {
                    throw new FetchException(url, FetchFailure.Network, e.Message, e);
                }

                if (n == 0)
                {
                    return body.ToArray();
                }

                if (body.Length + n > max)
                {
                    throw new FetchException(url, FetchFailure.TooLarge,
                        string.Create(CultureInfo.InvariantCulture, $"body exceeds the cap of {max} bytes (after decompression)"));
                }

                body.Write(chunk, 0, n);
            }
        }
    }

    // Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3); without one, wait a minute.
    private static TimeSpan RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : TimeSpan.FromMinutes(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    private ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var guard = context.InitialRequestMessage.Options.TryGetValue(GuardKey, out var requested) ? requested : _options.Guard;
        return guard.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, _options.Resolve, _options.OnConnectAttempt, ct);
    }
}
