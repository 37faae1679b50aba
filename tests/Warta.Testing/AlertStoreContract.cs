using Warta.Core.Alerts;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Xunit;

namespace Warta.Testing;

/// <summary>Behaviour every store of alert rules must show (<see cref="IAlertStore"/>): rules from the store's last change
/// on, each alert recorded once with the evaluator's position, and webhook deliveries kept until they are done.</summary>
public abstract class AlertStoreContract<TStore>
    where TStore : IAlertStore, IPlacementStore, IDisposable
{
    private static readonly DateTimeOffset Morning = new(2025, 3, 4, 8, 0, 0, TimeSpan.FromHours(7));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens (creating when absent) the store called <paramref name="name"/>; opening the same name again is a reopen.</summary>
    protected abstract TStore Open(string name);

    private static AlertRule Rule(string id, AlertRuleKind kind = AlertRuleKind.Query, string? webhook = null, DateTimeOffset? created = null) => new()
    {
        Id = id,
        Name = "banjir " + id,
        Kind = kind,
        Query = kind == AlertRuleKind.Query ? "banjir Lamaru" : null,
        Entity = kind == AlertRuleKind.Entity ? "place:lamaru" : null,
        Outlets = kind == AlertRuleKind.StoryOutlets ? 3 : 0,
        Within = TimeSpan.FromHours(12),
        Factor = kind == AlertRuleKind.RateJump ? 2.5 : 0,
        Outlet = kind == AlertRuleKind.OutletJoins ? "kabarnusa.id" : null,
        Webhook = webhook,
        Secret = webhook is null ? null : "9f2c" + id,
        AllowPrivateWebhook = webhook is not null,
        Created = created ?? Morning,
    };

    private static AlertEvent Alert(string ruleId, string what, long sequence, DateTimeOffset fired) =>
        new($"{ruleId}:article:{what}", ruleId, AlertRuleKind.Query, sequence, fired, $"Banjir Lamaru: {what}", $"'banjir Lamaru' found {what}")
        {
            ArticleId = what,
            ArticleUrl = $"https://kabarnusa.id/{what}",
            Outlet = "kabarnusa.id",
            Outlets = ["kabarnusa.id"],
            StoryId = "s-" + what,
            StoryHeadline = "Banjir Lamaru",
        };

    /// <summary>Every field of the alerts, as the store keeps them (an alert's outlet list compares by reference).</summary>
    private static List<string> Json(params AlertEvent[] alerts) => [.. alerts.Select(AlertJson.Serialize)];

    private static async Task PlaceAsync(TStore store, params string[] ids)
    {
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: Ct);
        await placer.SubmitAsync([.. ids.Select(static (id, i) => SampleArticles.Make(id, $"2025-03-0{i + 1} 08:00", $"Banjir Lamaru rendam desa {id}", "kabarnusa.id"))]);
        await placer.CompleteAsync();
    }

    [Fact]
    public async Task Should_keep_every_field_of_a_rule_across_a_reopen_starting_after_the_store_s_last_change()
    {
        AlertRule[] added;
        long latest;
        using (var store = Open("rules"))
        {
            await PlaceAsync(store, "a1", "a2");
            latest = await store.LatestSequenceAsync(Ct);
            added =
            [
                await store.AddAlertRuleAsync(Rule("r-0000000002", AlertRuleKind.StoryOutlets, "http://127.0.0.1:9/hook", Morning.AddMinutes(5)), Ct),
                await store.AddAlertRuleAsync(Rule("r-0000000001", AlertRuleKind.Query, created: Morning), Ct),
                await store.AddAlertRuleAsync(Rule("r-0000000003", AlertRuleKind.RateJump, created: Morning.AddMinutes(5)), Ct),
                await store.AddAlertRuleAsync(Rule("r-0000000004", AlertRuleKind.OutletJoins, created: Morning.AddMinutes(9)), Ct),
                await store.AddAlertRuleAsync(Rule("r-0000000005", AlertRuleKind.Entity, created: Morning.AddMinutes(9)), Ct),
            ];
        }

        using var again = Open("rules");
        var listed = await again.ListAlertRulesAsync(Ct);

        Assert.True(latest > 0);
        Assert.All(added, a => Assert.Equal(latest, a.SinceSequence));
        Assert.All(added, static a => Assert.Equal(TimeSpan.Zero, a.Created.Offset));
        // Oldest first, ties by id.
        Assert.Equal(["r-0000000001", "r-0000000002", "r-0000000003", "r-0000000004", "r-0000000005"], listed.Select(static r => r.Id));
        Assert.Equal(added.OrderBy(static r => r.Created).ThenBy(static r => r.Id, StringComparer.Ordinal), listed);
        Assert.Equal(Morning.UtcTicks, listed[0].Created.UtcTicks);
    }

    [Fact]
    public async Task Should_record_each_alert_key_once_with_the_evaluator_s_position_and_a_delivery_only_for_a_rule_with_a_webhook()
    {
        using var store = Open("record");
        var hooked = await store.AddAlertRuleAsync(Rule("r-00000000aa", webhook: "http://127.0.0.1:9/hook"), Ct);
        var quiet = await store.AddAlertRuleAsync(Rule("r-00000000bb"), Ct);
        var first = Alert(hooked.Id, "a1", 3, Morning);
        var second = Alert(quiet.Id, "a1", 3, Morning.AddSeconds(1));
        var orphan = Alert("r-00000000cc", "a1", 3, Morning);

        Assert.Equal(0, await store.AlertSequenceAsync(Ct));
        var recorded = await store.RecordAlertsAsync([first, second, orphan], 3, Ct);
        // The same changes evaluated again (after a crash): nothing new, and the position still moves.
        var again = await store.RecordAlertsAsync([first, second, Alert(hooked.Id, "a2", 5, Morning.AddMinutes(1))], 5, Ct);

        Assert.Equal(Json(first, second), Json([.. recorded]));
        Assert.Equal([hooked.Id + ":article:a2"], again.Select(static a => a.Key));
        Assert.Equal(5, await store.AlertSequenceAsync(Ct));
        Assert.Equal(Json(Alert(hooked.Id, "a2", 5, Morning.AddMinutes(1)), first), Json([.. await store.ListAlertsAsync(hooked.Id, 10, Ct)]));
        Assert.Equal(Json(Alert(hooked.Id, "a2", 5, Morning.AddMinutes(1))), Json([.. await store.ListAlertsAsync(hooked.Id, 1, Ct)]));
        Assert.Equal(Json(second), Json([.. await store.ListAlertsAsync(quiet.Id, 10, Ct)]));
        Assert.Empty(await store.ListAlertsAsync(orphan.RuleId, 10, Ct));
        var deliveries = await store.ListDeliveriesAsync(10, Ct);
        Assert.Equal([hooked.Id + ":article:a2", first.Key], deliveries.Select(static d => d.Alert.Key));
        Assert.All(deliveries, static d => Assert.Equal(("http://127.0.0.1:9/hook", AlertDeliveryStatus.Pending, 0, (string?)null, (DateTimeOffset?)null), (d.Webhook, d.Status, d.Attempts, d.LastError, d.LastAttempt)));
        Assert.Equal(first.FiredAt.UtcTicks, deliveries[1].NextAttempt!.Value.UtcTicks);
    }

    [Fact]
    public async Task Should_hand_out_due_deliveries_oldest_first_and_keep_each_attempt()
    {
        using var store = Open("deliveries");
        var rule = await store.AddAlertRuleAsync(Rule("r-00000000dd", webhook: "https://hooks.example.org/warta"), Ct);
        await store.RecordAlertsAsync([Alert(rule.Id, "a1", 1, Morning), Alert(rule.Id, "a2", 2, Morning.AddMinutes(1)), Alert(rule.Id, "a3", 3, Morning.AddMinutes(2))], 3, Ct);
        var a1 = rule.Id + ":article:a1";
        var a2 = rule.Id + ":article:a2";
        var a3 = rule.Id + ":article:a3";

        Assert.Equal(Morning.UtcTicks, (await store.NextDeliveryDueAsync(Ct))!.Value.UtcTicks);
        Assert.Equal([a1, a2], (await store.ListDueDeliveriesAsync(Morning.AddMinutes(1), 10, Ct)).Select(static d => d.Alert.Key));
        Assert.Equal([a1], (await store.ListDueDeliveriesAsync(Morning.AddHours(1), 1, Ct)).Select(static d => d.Alert.Key));

        // a1 fails once and is due again later; a2 is delivered; a3 is given up.
        await store.RecordDeliveryAttemptAsync(a1, AlertDeliveryStatus.Pending, Morning.AddMinutes(3), "HTTP 503 Service Unavailable", Morning.AddMinutes(13), Ct);
        await store.RecordDeliveryAttemptAsync(a2, AlertDeliveryStatus.Delivered, Morning.AddMinutes(3), null, null, Ct);
        await store.RecordDeliveryAttemptAsync(a3, AlertDeliveryStatus.Failed, Morning.AddMinutes(3), "refused: a private address", null, Ct);

        Assert.Empty(await store.ListDueDeliveriesAsync(Morning.AddMinutes(12), 10, Ct));
        var due = Assert.Single(await store.ListDueDeliveriesAsync(Morning.AddMinutes(13), 10, Ct));
        Assert.Equal((a1, AlertDeliveryStatus.Pending, 1, "HTTP 503 Service Unavailable"), (due.Alert.Key, due.Status, due.Attempts, due.LastError));
        Assert.Equal((Morning.AddMinutes(13).UtcTicks, Morning.AddMinutes(3).UtcTicks), (due.NextAttempt!.Value.UtcTicks, due.LastAttempt!.Value.UtcTicks));
        Assert.Equal(Morning.AddMinutes(13).UtcTicks, (await store.NextDeliveryDueAsync(Ct))!.Value.UtcTicks);
        var all = await store.ListDeliveriesAsync(10, Ct);
        Assert.Equal([a3, a2, a1], all.Select(static d => d.Alert.Key));
        Assert.Equal([AlertDeliveryStatus.Failed, AlertDeliveryStatus.Delivered, AlertDeliveryStatus.Pending], all.Select(static d => d.Status));
        Assert.Equal([null, null, Morning.AddMinutes(13).UtcTicks], all.Select(static d => d.NextAttempt?.UtcTicks));

        await store.RecordDeliveryAttemptAsync(a1, AlertDeliveryStatus.Delivered, Morning.AddMinutes(13), null, null, Ct);
        Assert.Null(await store.NextDeliveryDueAsync(Ct));
    }

    [Fact]
    public async Task Should_remove_a_rule_with_its_alerts_and_deliveries_and_leave_the_others()
    {
        using var store = Open("remove");
        var gone = await store.AddAlertRuleAsync(Rule("r-00000000ee", webhook: "http://127.0.0.1:9/hook"), Ct);
        var kept = await store.AddAlertRuleAsync(Rule("r-00000000ff", webhook: "http://127.0.0.1:9/other"), Ct);
        await store.RecordAlertsAsync([Alert(gone.Id, "a1", 1, Morning), Alert(kept.Id, "a1", 1, Morning)], 1, Ct);

        Assert.True(await store.RemoveAlertRuleAsync(gone.Id, Ct));
        Assert.False(await store.RemoveAlertRuleAsync(gone.Id, Ct));
        Assert.False(await store.RemoveAlertRuleAsync("r-0123456789", Ct));

        Assert.Equal([kept.Id], (await store.ListAlertRulesAsync(Ct)).Select(static r => r.Id));
        Assert.Empty(await store.ListAlertsAsync(gone.Id, 10, Ct));
        Assert.Single(await store.ListAlertsAsync(kept.Id, 10, Ct));
        Assert.Equal([kept.Id + ":article:a1"], (await store.ListDeliveriesAsync(10, Ct)).Select(static d => d.Alert.Key));
        Assert.Equal(1, await store.AlertSequenceAsync(Ct));
        // The key of an alert of a removed rule can be recorded again by a rule with the same id added later.
        await store.AddAlertRuleAsync(Rule(gone.Id), Ct);
        Assert.Single(await store.RecordAlertsAsync([Alert(gone.Id, "a1", 2, Morning)], 2, Ct));
    }
}
