using System.Net;
using System.Text;
using System.Text.Json;
using Warta.Core.Ingestion;
using Warta.Evaluation.Load;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Load;

public sealed class LoadRunTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.8.9.10/", true)]
    [InlineData("http://[::1]:80/", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://10.0.0.1:5080", false)]
    [InlineData("http://192.168.1.2/", false)]
    [InlineData("http://example.org/", false)]
    [InlineData("http://127.0.0.1.example.org/", false)]
    public void Only_loopback_addresses_are_accepted_without_resolving_names(string url, bool loopback) =>
        Assert.Equal(loopback, LoopbackAddress.IsLoopback(new Uri(url)));

    [Fact]
    public async Task A_plan_for_another_host_is_refused_before_any_request_is_sent()
    {
        var handler = new CountingHandler();
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://10.9.8.7/") };
        var plan = new LoadPlan { BaseAddress = new Uri("http://10.9.8.7/"), Reads = [new LoadTarget("api story", "/api/v1/stories/x")] };
        using var bodies = Enumerable.Repeat("{}", 10).GetEnumerator();
        await Assert.ThrowsAsync<ArgumentException>(() => LoadRun.RunAsync(client, plan, bodies, TestContext.Current.CancellationToken));
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Readers_and_the_writer_are_counted_per_class_and_acknowledged_ids_are_collected()
    {
        var handler = new CountingHandler();
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:1/") };
        var plan = new LoadPlan
        {
            BaseAddress = client.BaseAddress!,
            Reads = [new LoadTarget("story page", "/stories/a"), new LoadTarget("api story", "/api/v1/stories/a")],
            Readers = 3,
            PostsPerSecond = 200,
            Duration = TimeSpan.FromSeconds(30),
            MaxRequests = 60,
        };
        using var bodies = Enumerable.Range(0, 1000).Select(static i => $"{{\"n\":{i}}}").GetEnumerator();
        var report = await LoadRun.RunAsync(client, plan, bodies, TestContext.Current.CancellationToken);
        // Bounded by count, not time: exactly MaxRequests requests reached the handler.
        Assert.Equal(60, handler.Calls);
        Assert.Equal(60, report.Reads.Sum(static r => r.Count) + report.Posts.Count);
        Assert.Equal(["api story", "story page"], report.Reads.Select(static r => r.Class));
        Assert.True(report.Posts.Count > 0);
        Assert.Equal(report.Posts.Count, report.Acknowledged.Count);
        Assert.All(report.Acknowledged, static id => Assert.StartsWith("art-", id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"articleId\":\"a1\",\"storyId\":\"s1\"}", "a1")]
    [InlineData("{\"articles\":[{\"id\":\"a1\",\"story\":{\"id\":\"s1\"}},{\"id\":\"a2\"}]}", "a1,a2")]
    [InlineData("[{\"articleId\":\"a1\"},{\"articleId\":\"a2\"}]", "a1,a2")]
    [InlineData("{\"id\":\"a9\"}", "a9")]
    [InlineData("not json", "")]
    public void Acknowledged_ids_are_read_from_the_usual_answer_shapes(string body, string expected) =>
        Assert.Equal(expected, string.Join(',', LoadRun.AcknowledgedIds(body)));

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var values = Enumerable.Range(1, 100).Select(static i => (double)i).Reverse().ToList();
        var summary = LatencySummary.Of("x", values, errors: 2);
        Assert.Equal(50, summary.P50Ms);
        Assert.Equal(99, summary.P99Ms);
        Assert.Equal(100, summary.MaxMs);
        Assert.Equal(2, summary.Errors);
    }

    [Fact]
    public void Generated_records_are_read_by_ingest_as_new_articles_round_after_round()
    {
        var set = SampleCorpus.Articles(annotated: false);
        var records = new ArticleRecords(set).From(firstRound: 5).Take(set.Count * 2).ToList();
        var ingestor = new ArticleIngestor();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            using var json = JsonDocument.Parse(record);
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
            var outcome = Assert.Single(ingestor.Read(new RawDocument("load.jsonl", Encoding.UTF8.GetBytes(record + "\n"))));
            Assert.NotNull(outcome.Article);
            ids.Add(outcome.Article.Id);
        }
        Assert.Equal(records.Count, ids.Count);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            var body = request.Method == HttpMethod.Post ? $"{{\"articleId\":\"art-{n}\"}}" : "{}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        }
    }
}
