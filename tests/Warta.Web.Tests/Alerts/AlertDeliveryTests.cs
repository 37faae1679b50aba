using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Warta.Core.Alerts;
using Warta.Core.Ingestion;
using Warta.Core.Storage;
using Warta.Fetching;
using Warta.Hosting;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests.Alerts;

public sealed class AlertDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RawDocument Corpus(string file) => new(file, File.ReadAllBytes(Path.Combine(SampleCorpus.Folder, file)));

    /// <summary>The first two reports of the Lamaru flood: kabarnusa's and wartatimur's copy a day later.</summary>
    private static readonly string[] LamaruFiles = ["txt/kabarnusa-2025-02-24-banjir-lamaru.txt", "txt/wartatimur-2025-02-25-banjir-lamaru.txt"];

    /// <summary>A clock a minute after now, so every alert fired by the ingest is due on it.</summary>
    private static FakeTimeProvider Clock() => new(DateTimeOffset.UtcNow.AddMinutes(1));

    private static async Task<IReadOnlyList<AlertDelivery>> DeliveriesAsync(string store)
    {
        using var read = SqliteStore.OpenForReading(store);
        return await read.ListDeliveriesAsync(100, Ct);
    }

    [Fact]
    public async Task A_loopback_receiver_gets_exactly_one_signed_delivery_per_alert_and_a_re_evaluation_after_a_crash_sends_nothing_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var folder = new TempFolder();
        var store = folder.File("warta.db");
        var query = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.Query, "banjir") with { Query = "banjir bandang", Webhook = receiver.Url, Secret = "rahasia-satu" });
        var outlets = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.StoryOutlets, "2 in 48h") with { Outlets = 2, Within = TimeSpan.FromHours(48), Webhook = receiver.Url, Secret = "rahasia-dua" });
        var quiet = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.Query, "feed only") with { Query = "banjir bandang" });
        await CorpusStore.IngestAsync(store, folder.Path);
        var clock = Clock();
        var deliverer = AlertStores.Deliverer(clock);

        AlertDeliveryPass pass;
        IReadOnlyList<AlertEvent> expected;
        using (var opened = new SqliteStore(store))
        {
            pass = await deliverer.RunAsync(opened, Ct);
            expected = [.. await opened.ListAlertsAsync(query.Id, 100, Ct), .. await opened.ListAlertsAsync(outlets.Id, 100, Ct)];
            Assert.NotEmpty(await opened.ListAlertsAsync(quiet.Id, 100, Ct));
        }

        var secrets = new Dictionary<string, string> { [query.Id] = "rahasia-satu", [outlets.Id] = "rahasia-dua" };
        var received = receiver.Requests.ToList();
        Assert.Equal(10, expected.Count);
        Assert.Equal(new AlertDeliveryPass(10, 10, 0, 0), pass);
        Assert.Equal(expected.Select(static a => a.Key).Order(StringComparer.Ordinal), received.Select(static r => r.Delivery!).Order(StringComparer.Ordinal));
        foreach (var request in received)
        {
            using var body = JsonDocument.Parse(request.Body);
            var rule = body.RootElement.GetProperty("rule").GetProperty("id").GetString()!;
            Assert.True(AlertSignature.Verify(request.Body, secrets[rule], request.Signature), $"bad signature on {request.Delivery}");
            Assert.False(AlertSignature.Verify(request.Body, secrets[rule] + "x", request.Signature));
            Assert.Equal(request.Delivery, body.RootElement.GetProperty("delivery").GetString());
            Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), request.Timestamp);
            var story = body.RootElement.GetProperty("event").GetProperty("story");
            Assert.Equal($"/api/v1/stories/{story.GetProperty("id").GetString()}", story.GetProperty("url").GetString());
        }
        Assert.All(await DeliveriesAsync(store), static d => Assert.Equal((AlertDeliveryStatus.Delivered, 1, (string?)null), (d.Status, d.Attempts, d.LastError)));

        // A crash that lost the evaluator's position: every change is evaluated again, on the next run.
        RawSqlite.Run(store, "UPDATE alert_state SET seq = 0");
        using (var reopened = new SqliteStore(store))
        {
            var told = 0;
            using var follower = new AlertFollower(reopened, reopened, new AlertEvaluator(reopened, reopened, Analyzers.Default, clock)) { OnFired = _ => told++ };
            await follower.CatchUpAsync(Ct);
            Assert.Equal(await reopened.LatestSequenceAsync(Ct), await reopened.AlertSequenceAsync(Ct));
            Assert.Equal(0, told);
            clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(new AlertDeliveryPass(0, 0, 0, 0), await deliverer.RunAsync(reopened, Ct));
        }
        Assert.Equal(10, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_alert_once_after_two_retries_on_the_fake_clock()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var folder = new TempFolder();
        var store = folder.File("warta.db");
        var rule = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.Query, "lamaru") with { Query = "\"Sungai Lamaru\"", Webhook = receiver.Url, Secret = "s" });
        await AlertStores.IngestAsync(store, folder.Path, [Corpus(LamaruFiles[0])]);
        var clock = Clock();
        var start = clock.GetUtcNow();
        var deliverer = AlertStores.Deliverer(clock);
        receiver.AnswerNext(500, 503);

        using var opened = new SqliteStore(store);
        Assert.Equal(new AlertDeliveryPass(1, 0, 1, 0), await deliverer.RunAsync(opened, Ct));
        var first = Assert.Single(await opened.ListDeliveriesAsync(10, Ct));
        // Not due again until the backoff (10 s, jittered down by at most half) has passed.
        Assert.Equal(new AlertDeliveryPass(0, 0, 0, 0), await deliverer.RunAsync(opened, Ct));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(new AlertDeliveryPass(1, 0, 1, 0), await deliverer.RunAsync(opened, Ct));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(new AlertDeliveryPass(1, 1, 0, 0), await deliverer.RunAsync(opened, Ct));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new AlertDeliveryPass(0, 0, 0, 0), await deliverer.RunAsync(opened, Ct));

        Assert.Equal((AlertDeliveryStatus.Pending, 1, "HTTP 500 Internal Server Error"), (first.Status, first.Attempts, first.LastError));
        Assert.InRange(first.NextAttempt!.Value, start.AddSeconds(5), start.AddSeconds(10));
        var received = receiver.Requests.ToList();
        Assert.Equal([500, 503, 200], received.Select(static r => r.Answered));
        Assert.Single(received.Select(static r => r.Delivery).Distinct());
        Assert.All(received, r => Assert.True(AlertSignature.Verify(r.Body, "s", r.Signature)));
        var done = Assert.Single(await opened.ListDeliveriesAsync(10, Ct));
        Assert.Equal((AlertDeliveryStatus.Delivered, 3, (string?)null), (done.Status, done.Attempts, done.LastError));
        Assert.Equal(AlertEvaluator.ArticleKey(rule.Id, done.Alert.ArticleId!, done.Alert.ArticleUrl), done.Alert.Key);
    }

    [Fact]
    public async Task A_delivery_is_given_up_as_failed_after_the_last_attempt_with_its_error_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var folder = new TempFolder();
        var store = folder.File("warta.db");
        await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.Query, "lamaru") with { Query = "Lamaru", Webhook = receiver.Url, Secret = "s" });
        await AlertStores.IngestAsync(store, folder.Path, [Corpus(LamaruFiles[0])]);
        var clock = Clock();
        var deliverer = AlertStores.Deliverer(clock);
        receiver.AnswerNext(500, 500, 500, 500, 500, 500);

        using var opened = new SqliteStore(store);
        var passes = new List<AlertDeliveryPass>();
        for (var i = 0; i < 8; i++)
        {
            passes.Add(await deliverer.RunAsync(opened, Ct));
            clock.Advance(TimeSpan.FromMinutes(11));
        }

        // Five attempts (Alerts:MaxAttempts in this test), the last one recorded as failed, none after it.
        Assert.Equal(5, receiver.Requests.Count);
        Assert.Equal(1, passes.Sum(static p => p.Failed));
        var failed = Assert.Single(await opened.ListDeliveriesAsync(10, Ct));
        Assert.Equal((AlertDeliveryStatus.Failed, 5, "HTTP 500 Internal Server Error", (DateTimeOffset?)null), (failed.Status, failed.Attempts, failed.LastError, failed.NextAttempt));
    }

    [Fact]
    public async Task A_webhook_on_a_private_or_loopback_address_is_refused_with_no_connection_attempted_unless_its_rule_allows_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var folder = new TempFolder();
        var store = folder.File("warta.db");
        var privateHook = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.Query, "private") with { Query = "Lamaru", Webhook = "http://10.20.30.40:8080/hook", Secret = "s" });
        var loopbackHook = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.Query, "loopback") with { Query = "Lamaru", Webhook = $"http://localhost:{receiver.Port}/hook", Secret = "s" });
        var allowed = await AlertStores.AddRuleAsync(store, AlertStores.Rule(AlertRuleKind.Query, "allowed") with { Query = "Lamaru", Webhook = receiver.Url, Secret = "s", AllowPrivateWebhook = true });
        await AlertStores.IngestAsync(store, folder.Path, [Corpus(LamaruFiles[0])]);
        var attempts = new List<ConnectAttempt>();
        var deliverer = AlertStores.Deliverer(Clock(), allowLoopback: false, onConnect: a =>
        {
            lock (attempts) attempts.Add(a);
        });

        AlertDeliveryPass pass;
        using (var opened = new SqliteStore(store)) pass = await deliverer.RunAsync(opened, Ct);

        Assert.Equal(new AlertDeliveryPass(3, 1, 0, 2), pass);
        var deliveries = (await DeliveriesAsync(store)).ToDictionary(static d => d.Alert.RuleId);
        Assert.Equal(AlertDeliveryStatus.Delivered, deliveries[allowed.Id].Status);
        foreach (var refused in new[] { privateHook.Id, loopbackHook.Id })
        {
            Assert.Equal((AlertDeliveryStatus.Failed, 1), (deliveries[refused].Status, deliveries[refused].Attempts));
            Assert.StartsWith("refused: every address of ", deliveries[refused].LastError, StringComparison.Ordinal);
        }
        // Only the rule that allows a private address reached the receiver; the guard stopped the other two before any socket.
        var received = Assert.Single(receiver.Requests);
        Assert.StartsWith(allowed.Id + ":", received.Delivery, StringComparison.Ordinal);
        Assert.Contains(attempts, static a => a.Host == "10.20.30.40" && a.Refused);
        Assert.Contains(attempts, static a => a.Host == "localhost" && a.Refused);
        Assert.All(attempts.Where(static a => a.Host is "10.20.30.40" or "localhost"), static a => Assert.True(a.Refused));
    }
}
