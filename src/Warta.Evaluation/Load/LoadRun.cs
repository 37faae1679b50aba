using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Warta.Evaluation.Load;

/// <summary>Runs a <see cref="LoadPlan"/> against a Warta server on loopback: closed-loop readers and an open-loop writer at once.</summary>
public static class LoadRun
{
    /// <summary>Runs the plan with <paramref name="client"/> (its base address is the plan's); POST bodies come from <paramref name="bodies"/>.</summary>
    /// <exception cref="ArgumentException">The plan's address is not loopback; nothing was sent.</exception>
    public static async Task<LoadReport> RunAsync(HttpClient client, LoadPlan plan, IEnumerator<string> bodies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(bodies);
        if (!LoopbackAddress.IsLoopback(plan.BaseAddress))
        {
            throw new ArgumentException($"load runs talk to loopback only; '{plan.BaseAddress}' is not a loopback address", nameof(plan));
        }
        if (plan.Reads.Count == 0 && plan.PostsPerSecond <= 0) throw new ArgumentException("the plan neither reads nor posts", nameof(plan));
        var started = 0;
        var clock = Stopwatch.StartNew();
        var deadline = plan.Duration;
        bool MayStart() => clock.Elapsed < deadline && Interlocked.Increment(ref started) <= plan.MaxRequests && !cancellationToken.IsCancellationRequested;

        var readers = new List<Task<List<(int Target, double Ms, bool Ok)>>>();
        for (var r = 0; plan.Reads.Count > 0 && r < plan.Readers; r++)
        {
            var offset = r * 7919 % plan.Reads.Count;
            readers.Add(Task.Run(async () =>
            {
                var seen = new List<(int, double, bool)>();
                for (var i = offset; MayStart(); i++)
                {
                    var target = i % plan.Reads.Count;
                    var (ms, ok, _) = await SendAsync(client, plan, new HttpRequestMessage(HttpMethod.Get, plan.Reads[target].Path)).ConfigureAwait(false);
                    seen.Add((target, ms, ok));
                }
                return seen;
            }, CancellationToken.None));
        }

        var posts = new List<Task<(double Ms, bool Ok, string Body)>>();
        if (plan.PostsPerSecond > 0)
        {
            var interval = TimeSpan.FromSeconds(1 / plan.PostsPerSecond);
            for (var n = 0; bodies.MoveNext() && MayStart(); n++)
            {
                var due = interval * n;
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, CancellationToken.None).ConfigureAwait(false);
                var request = new HttpRequestMessage(HttpMethod.Post, plan.PostPath) { Content = new StringContent(bodies.Current, Encoding.UTF8, "application/json") };
                posts.Add(SendAsync(client, plan, request));
            }
        }

        var readResults = await Task.WhenAll(readers).ConfigureAwait(false);
        var postResults = await Task.WhenAll(posts).ConfigureAwait(false);
        clock.Stop();

        var summaries = new List<LatencySummary>();
        foreach (var group in readResults.SelectMany(static r => r).GroupBy(t => plan.Reads[t.Target].Class, StringComparer.Ordinal).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            summaries.Add(LatencySummary.Of(group.Key, [.. group.Where(static t => t.Ok).Select(static t => t.Ms)], group.Count(static t => !t.Ok)));
        }
        var acknowledged = new List<string>();
        foreach (var (_, ok, body) in postResults)
        {
            if (ok) acknowledged.AddRange(AcknowledgedIds(body));
        }
        var postSummary = LatencySummary.Of("post", [.. postResults.Where(static p => p.Ok).Select(static p => p.Ms)], postResults.Count(static p => !p.Ok));
        return new LoadReport(clock.Elapsed, summaries, postSummary, acknowledged);
    }

    /// <summary>Article ids in an ingest answer: <c>articleId</c> anywhere, or <c>id</c> of the answer or of the items of its <c>articles</c>.</summary>
    public static IEnumerable<string> AcknowledgedIds(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        try
        {
            using var json = JsonDocument.Parse(body);
            var ids = new List<string>();
            Collect(json.RootElement, ids, top: true);
            return ids;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Collect(JsonElement element, List<string> ids, bool top)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, ids, top);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String
                        && (property.NameEquals("articleId") || (top && property.NameEquals("id"))))
                    {
                        ids.Add(property.Value.GetString()!);
                    }
                    else if (property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        Collect(property.Value, ids, top: property.NameEquals("articles"));
                    }
                }
                break;
        }
    }

    private static async Task<(double Ms, bool Ok, string Body)> SendAsync(HttpClient client, LoadPlan plan, HttpRequestMessage request)
    {
        using (request)
        {
            if (plan.Key is { } key) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None).ConfigureAwait(false);
                var body = request.Method == HttpMethod.Post ? await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false) : "";
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                return (ms, (int)response.StatusCode < 400, body);
            }
            catch (HttpRequestException)
            {
                return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, false, "");
            }
            catch (TaskCanceledException)
            {
                return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, false, "");
            }
        }
    }
}
