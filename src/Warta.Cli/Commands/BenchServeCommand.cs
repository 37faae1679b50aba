using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Warta.Evaluation.Load;

namespace Warta.Cli.Commands;

/// <summary><c>warta bench serve --url URL --key KEY</c>: story pages and API story reads by concurrent readers while articles are POSTed, against a running <c>warta serve</c> on loopback.</summary>
internal static class BenchServeCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The server (loopback only)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var key = new Option<string?>("--key") { Description = "API key for the POSTs (warta keys create)" };
        var seconds = new Option<double>("--seconds") { Description = "How long requests keep starting", DefaultValueFactory = _ => 20 };
        var readers = new Option<int>("--readers") { Description = "Concurrent readers", DefaultValueFactory = _ => 50 };
        var rate = new Option<double>("--posts-per-second") { Description = "Articles POSTed per second (0: none)", DefaultValueFactory = _ => 50 };
        var stories = new Option<int>("--stories") { Description = "How many of the most recent stories the readers cycle through", DefaultValueFactory = _ => 200 };
        var maxRequests = new Option<int>("--max-requests") { Description = "Stop after this many requests in all", DefaultValueFactory = _ => 2_000_000 };
        var input = new Option<string>("--input") { Description = "Folder or uci-news CSV the POSTed records are made from", DefaultValueFactory = _ => Path.Combine("samples", "corpus") };
        var firstRound = new Option<int>("--first-round") { Description = "Replay round the POSTed records start from (pick one the store has not seen)", DefaultValueFactory = _ => 1_000_000 };
        var afterRecords = new Option<int?>("--after-records") { Description = "POST the records that follow the first N of `warta bench records` (a store built from them; dated after it), instead of --first-round" };
        var command = new Command("serve", "Load a running warta serve on loopback: readers on story pages and the API while articles are POSTed; p50/p99 per class, then checks every acknowledged article is stored")
        {
            url, key, seconds, readers, rate, stories, maxRequests, input, firstRound, afterRecords,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!Uri.TryCreate(parseResult.GetValue(url), UriKind.Absolute, out var baseAddress) || !LoopbackAddress.IsLoopback(baseAddress))
            {
                error.WriteLine($"warta: --url must be a loopback address (127.0.0.0/8, ::1, localhost): '{parseResult.GetValue(url)}'");
                return ExitCodes.Usage;
            }
            var postsPerSecond = parseResult.GetValue(rate);
            var set = postsPerSecond > 0 ? BenchStreamCommand.Load(parseResult.GetValue(input)!, error) : [];
            if (postsPerSecond > 0 && set.Count == 0) return ExitCodes.Usage;
            var readerCount = Math.Max(1, parseResult.GetValue(readers));
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = readerCount + 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            List<string> ids;
            try
            {
                ids = await StoryIdsAsync(client, parseResult.GetValue(stories), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException)
            {
                error.WriteLine($"warta: cannot list stories at {baseAddress}api/v1/stories: {ex.Message}");
                return ExitCodes.Usage;
            }
            if (ids.Count == 0)
            {
                error.WriteLine($"warta: {baseAddress} lists no stories at /api/v1/stories; ingest articles first");
                return ExitCodes.Usage;
            }
            var targets = ids.SelectMany(static id => new[] { new LoadTarget("story page", $"/stories/{id}"), new LoadTarget("api story", $"/api/v1/stories/{id}") }).ToList();
            var plan = new LoadPlan
            {
                BaseAddress = baseAddress,
                Reads = targets,
                Readers = readerCount,
                PostsPerSecond = postsPerSecond,
                Duration = TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(seconds))),
                MaxRequests = Math.Max(1, parseResult.GetValue(maxRequests)),
                Key = parseResult.GetValue(key),
            };
            var records = set.Count > 0 ? new ArticleRecords(set) : null;
            var first = parseResult.GetValue(afterRecords) is { } after && records is not null ? records.RoundAfter(Math.Max(0, after)) : parseResult.GetValue(firstRound);
            using var bodies = (records?.From(first) ?? []).GetEnumerator();
            var report = await LoadRun.RunAsync(client, plan, bodies, cancellationToken).ConfigureAwait(false);
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"{plan.Readers} readers over {ids.Count} stories, {postsPerSecond:0.#} POSTs/s, {report.Elapsed.TotalSeconds:0.0} s, client on {Environment.ProcessorCount} cores (shared with the server)"));
            output.WriteLine("class        requests  errors   p50 ms   p99 ms   max ms");
            foreach (var s in report.Reads.Append(report.Posts))
            {
                output.WriteLine(string.Create(c, $"{s.Class,-11}  {s.Count,8}  {s.Errors,6}  {s.P50Ms,7:0.0}  {s.P99Ms,7:0.0}  {s.MaxMs,7:0.0}"));
            }
            var stored = await CountStoredAsync(client, report.Acknowledged, plan.Key, cancellationToken).ConfigureAwait(false);
            output.WriteLine(string.Create(c, $"acknowledged {report.Acknowledged.Count} articles, stored {stored}"));
            var failed = report.Posts.Errors + report.Reads.Sum(static r => r.Errors);
            return stored == report.Acknowledged.Count && failed == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
        });
        return command;
    }

    /// <summary>Ids of up to <paramref name="count"/> stories, most recently active first, from the API's story list (a bare array or an object holding one).</summary>
    private static async Task<List<string>> StoryIdsAsync(HttpClient client, int count, CancellationToken cancellationToken)
    {
        var body = await client.GetStringAsync(new Uri($"/api/v1/stories?sort=recent&limit={count}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        using var json = JsonDocument.Parse(body);
        var list = json.RootElement.ValueKind == JsonValueKind.Array
            ? json.RootElement
            : json.RootElement.EnumerateObject().Select(static p => p.Value).FirstOrDefault(static v => v.ValueKind == JsonValueKind.Array);
        if (list.ValueKind != JsonValueKind.Array) return [];
        return [.. list.EnumerateArray().Select(static s => s.GetProperty("id").GetString()).OfType<string>().Take(count)];
    }

    /// <summary>How many of <paramref name="ids"/> the server returns from <c>/api/v1/articles/{id}</c>.</summary>
    private static async Task<int> CountStoredAsync(HttpClient client, IReadOnlyList<string> ids, string? key, CancellationToken cancellationToken)
    {
        var found = 0;
        foreach (var id in ids)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{Uri.EscapeDataString(id)}");
            if (key is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) found++;
        }
        return found;
    }
}
