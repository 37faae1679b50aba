using System.Text.Json;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class AlertsCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("alerts.db");

    [Fact]
    public void Should_add_a_rule_printing_its_secret_once_list_it_without_the_secret_and_remove_it()
    {
        var added = WartaInProcess.Run("--db", Db, "alerts", "add", "--query", "banjir bandang", "--webhook", "https://hooks.example/warta", "--name", "banjir");

        Assert.Equal(0, added.ExitCode);
        using var rule = JsonDocument.Parse(added.Output);
        var id = rule.RootElement.GetProperty("id").GetString()!;
        var secret = rule.RootElement.GetProperty("secret").GetString()!;
        Assert.Equal(("query", "banjir bandang", 64), (rule.RootElement.GetProperty("kind").GetString(), rule.RootElement.GetProperty("query").GetString(), secret.Length));
        var json = WartaInProcess.Run("--db", Db, "alerts", "list", "--json");
        var text = WartaInProcess.Run("--db", Db, "alerts", "list");
        Assert.Equal(id, Assert.Single(JsonDocument.Parse(json.Output).RootElement.EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain(secret, json.Output + text.Output, StringComparison.Ordinal);
        Assert.StartsWith(id, text.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal("1 rule", text.OutputLines[^1]);

        Assert.Equal(0, WartaInProcess.Run("--db", Db, "alerts", "remove", id).ExitCode);
        Assert.Equal(1, WartaInProcess.Run("--db", Db, "alerts", "remove", id).ExitCode);
        Assert.Equal("0 rules", WartaInProcess.Run("--db", Db, "alerts", "list").OutputLines[^1]);
    }

    [Theory]
    [InlineData("--query", "banjir", "--entity", "BNPB")]
    [InlineData("--webhook", "https://hooks.example/")]
    [InlineData("--story-outlets", "3", "--within", "soon")]
    [InlineData("--story-outlets", "1")]
    [InlineData("--rate-jump", "0.5")]
    [InlineData("--outlet-joins", "--webhook", "file:///etc/passwd")]
    public void Should_refuse_a_rule_that_is_not_exactly_one_well_formed_kind(params string[] rule)
    {
        var result = WartaInProcess.Run(["--db", Db, "alerts", "add", .. rule]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("warta: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Should_record_alerts_while_ingesting_and_show_a_refused_loopback_webhook_as_failed_after_deliver()
    {
        var added = WartaInProcess.Run("--db", Db, "alerts", "add", "--outlet-joins", "wartatimur.com", "--webhook", "http://127.0.0.1:9/hook");
        var lamaru = Path.Combine(SampleCorpus.Folder, "txt");
        var ingest = WartaInProcess.Run("--db", Db, "ingest",
            Path.Combine(lamaru, "kabarnusa-2025-02-24-banjir-lamaru.txt"), Path.Combine(lamaru, "wartatimur-2025-02-25-banjir-lamaru.txt"));
        var pending = WartaInProcess.Run("--db", Db, "alerts", "deliveries", "--json");
        // Loopback is refused unless configured (Alerts:AllowedRanges) or allowed by the rule: the guard stops it before any socket.
        var deliver = WartaInProcess.Run("--db", Db, "alerts", "deliver");
        var after = WartaInProcess.Run("--db", Db, "alerts", "deliveries", "--json");
        var text = WartaInProcess.Run("--db", Db, "alerts", "deliveries");

        Assert.Equal((0, 0), (added.ExitCode, ingest.ExitCode));
        var before = Assert.Single(JsonDocument.Parse(pending.Output).RootElement.EnumerateArray());
        Assert.Equal(("pending", 0), (before.GetProperty("status").GetString(), before.GetProperty("attempts").GetInt32()));
        Assert.Equal(1, deliver.ExitCode);
        Assert.Equal("warta: 1 attempted, 0 delivered, 0 to retry, 1 failed", deliver.ErrorLines[^1]);
        var failed = Assert.Single(JsonDocument.Parse(after.Output).RootElement.EnumerateArray());
        Assert.Equal(("failed", 1), (failed.GetProperty("status").GetString(), failed.GetProperty("attempts").GetInt32()));
        Assert.StartsWith("refused: every address of 127.0.0.1", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("failed", text.OutputLines[0], StringComparison.Ordinal);
        using var store = SqliteStore.OpenForReading(Db);
        var rules = await store.ListAlertRulesAsync(TestContext.Current.CancellationToken);
        var alert = Assert.Single(await store.ListAlertsAsync(Assert.Single(rules).Id, 10, TestContext.Current.CancellationToken));
        Assert.Equal("wartatimur.com", alert.Outlet);
    }
}
