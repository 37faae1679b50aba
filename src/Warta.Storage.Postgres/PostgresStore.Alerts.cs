using Npgsql;
using NpgsqlTypes;
using Warta.Core.Alerts;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

/// <summary>Alert rules, fired alerts and webhook deliveries (<see cref="IAlertStore"/>): the same tables and rules as the embedded store's.</summary>
public sealed partial class PostgresStore : IAlertStore
{
    // As in the embedded store: rule and delivery writes are short transactions of their own on pooled connections,
    // outside the placer's write lock, so rules can be managed and deliveries made while a placer runs. Alerts are
    // recorded by the placer's alert follower, with its position in the change sequence in the same transaction.

    private const string RuleColumns =
        "id, name, kind, query, entity, outlets, within_ticks, factor, outlet, webhook, secret, allow_private, created_utc_ticks, since_seq";

    private const string DeliveryColumns =
        "d.webhook, d.status, d.attempts, d.last_error, d.next_attempt_utc_ticks, d.last_attempt_utc_ticks, a.alert_json";

    public Task<AlertRule> AddAlertRuleAsync(AlertRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(InTransaction((connection, transaction) =>
        {
            // The change counter's row is read in the rule's transaction: a placer committing at the same time either
            // committed before (its changes are before since_seq) or commits after (its changes are evaluated for the rule).
            var since = LatestSequence(connection, transaction);
            Execute(connection, transaction, $"""
                INSERT INTO alert_rules ({RuleColumns})
                VALUES (@id, @name, @kind, @query, @entity, @outlets, @within, @factor, @outlet, @webhook, @secret, @private, @created, @since)
                """,
                P("id", rule.Id), P("name", rule.Name), P("kind", (int)rule.Kind), P("query", rule.Query, nullable: true),
                P("entity", rule.Entity, nullable: true), P("outlets", rule.Outlets), P("within", rule.Within.Ticks), P("factor", rule.Factor),
                P("outlet", rule.Outlet, nullable: true), P("webhook", rule.Webhook, nullable: true), P("secret", rule.Secret, nullable: true),
                new NpgsqlParameter("private", NpgsqlDbType.Boolean) { Value = rule.AllowPrivateWebhook }, P("created", rule.Created.UtcTicks), P("since", since));
            return rule with { SinceSequence = since, Created = Utc(rule.Created.UtcTicks) };
        }));
    }

    public async Task<IReadOnlyList<AlertRule>> ListAlertRulesAsync(CancellationToken cancellationToken = default)
    {
        if (!HasAlertTables()) return [];
        return await QueryAsync($"SELECT {RuleColumns} FROM alert_rules ORDER BY created_utc_ticks, id", ReadRule, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> RemoveAlertRuleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(InTransaction((connection, transaction) =>
        {
            var removed = Execute(connection, transaction, "DELETE FROM alert_rules WHERE id = @id", P("id", id));
            Execute(connection, transaction, "DELETE FROM alert_deliveries WHERE rule_id = @id", P("id", id));
            Execute(connection, transaction, "DELETE FROM alerts WHERE rule_id = @id", P("id", id));
            return removed == 1;
        }));
    }

    public async Task<long> AlertSequenceAsync(CancellationToken cancellationToken = default)
    {
        if (!HasAlertTables()) return 0;
        return (await QueryAsync("SELECT coalesce(max(seq), 0) FROM alert_state", static r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];
    }

    public Task<IReadOnlyList<AlertEvent>> RecordAlertsAsync(IReadOnlyList<AlertEvent> alerts, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<AlertEvent>>(InTransaction((connection, transaction) =>
        {
            var recorded = new List<AlertEvent>();
            using var insert = Prepared(connection, transaction, """
                INSERT INTO alerts (key, rule_id, seq, fired_utc_ticks, alert_json)
                SELECT @key, id, @seq, @fired, @json FROM alert_rules WHERE id = @rule ON CONFLICT DO NOTHING
                """, ("key", NpgsqlDbType.Text), ("seq", NpgsqlDbType.Bigint), ("fired", NpgsqlDbType.Bigint), ("json", NpgsqlDbType.Text), ("rule", NpgsqlDbType.Text));
            using var deliver = Prepared(connection, transaction, """
                INSERT INTO alert_deliveries (key, rule_id, webhook, status, attempts, next_attempt_utc_ticks, created_utc_ticks)
                SELECT @key, id, webhook, @status, 0, @fired, @fired FROM alert_rules WHERE id = @rule AND webhook IS NOT NULL
                """, ("key", NpgsqlDbType.Text), ("status", NpgsqlDbType.Integer), ("fired", NpgsqlDbType.Bigint), ("rule", NpgsqlDbType.Text));
            foreach (var alert in alerts)
            {
                insert.Parameters["key"].Value = alert.Key;
                insert.Parameters["seq"].Value = alert.Sequence;
                insert.Parameters["fired"].Value = alert.FiredAt.UtcTicks;
                insert.Parameters["json"].Value = AlertJson.Serialize(alert);
                insert.Parameters["rule"].Value = alert.RuleId;
                // A key recorded before (the same changes evaluated again after a crash) is neither recorded nor delivered again;
                // an alert of a rule removed meanwhile is not recorded.
                if (insert.ExecuteNonQuery() != 1) continue;
                deliver.Parameters["key"].Value = alert.Key;
                deliver.Parameters["status"].Value = (int)AlertDeliveryStatus.Pending;
                deliver.Parameters["fired"].Value = alert.FiredAt.UtcTicks;
                deliver.Parameters["rule"].Value = alert.RuleId;
                deliver.ExecuteNonQuery();
                recorded.Add(alert);
            }
            Execute(connection, transaction, "INSERT INTO alert_state (id, seq) VALUES (1, @seq) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq", P("seq", sequence));
            return recorded;
        }));
    }

    public async Task<IReadOnlyList<AlertEvent>> ListAlertsAsync(string ruleId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (!HasAlertTables()) return [];
        return await QueryAsync(
            "SELECT alert_json FROM alerts WHERE rule_id = @rule ORDER BY fired_utc_ticks DESC, seq DESC, key LIMIT @limit",
            static r => AlertJson.Deserialize(r.GetString(0)), cancellationToken, P("rule", ruleId), P("limit", Math.Max(0, limit))).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AlertDelivery>> ListDueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        if (!HasAlertTables()) return [];
        return await QueryAsync($"""
            SELECT {DeliveryColumns} FROM alert_deliveries d JOIN alerts a ON a.key = d.key
            WHERE d.status = @pending AND d.next_attempt_utc_ticks <= @now ORDER BY d.next_attempt_utc_ticks, d.key LIMIT @limit
            """, ReadDelivery, cancellationToken, P("pending", (int)AlertDeliveryStatus.Pending), P("now", now.UtcTicks), P("limit", Math.Max(0, limit)))
            .ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> NextDeliveryDueAsync(CancellationToken cancellationToken = default)
    {
        if (!HasAlertTables()) return null;
        return (await QueryAsync("SELECT min(next_attempt_utc_ticks) FROM alert_deliveries WHERE status = @pending",
            static r => NullableUtc(r, 0), cancellationToken, P("pending", (int)AlertDeliveryStatus.Pending)).ConfigureAwait(false))[0];
    }

    public Task RecordDeliveryAttemptAsync(string key, AlertDeliveryStatus status, DateTimeOffset attemptedAt, string? error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ExecuteAsync("""
            UPDATE alert_deliveries SET status = @status, attempts = attempts + 1, last_error = @error, next_attempt_utc_ticks = @next,
                last_attempt_utc_ticks = @at
            WHERE key = @key
            """, cancellationToken, P("status", (int)status), P("error", error, nullable: true), P("next", nextAttempt?.UtcTicks),
            P("at", attemptedAt.UtcTicks), P("key", key));
    }

    public async Task<IReadOnlyList<AlertDelivery>> ListDeliveriesAsync(int limit, CancellationToken cancellationToken = default)
    {
        if (!HasAlertTables()) return [];
        return await QueryAsync(
            $"SELECT {DeliveryColumns} FROM alert_deliveries d JOIN alerts a ON a.key = d.key ORDER BY d.created_utc_ticks DESC, d.ord DESC LIMIT @limit",
            ReadDelivery, cancellationToken, P("limit", Math.Max(0, limit))).ConfigureAwait(false);
    }

    /// <summary>Whether the schema has the alert tables: a store from before step 5, opened for reading (not migrated), has no rules.</summary>
    private bool HasAlertTables() => Run(static connection =>
    {
        using var command = new NpgsqlCommand("SELECT to_regclass('alert_rules') IS NOT NULL", connection);
        return (bool)command.ExecuteScalar()!;
    });

    private static AlertDelivery ReadDelivery(NpgsqlDataReader r) => new(
        AlertJson.Deserialize(r.GetString(6)), r.GetString(0), (AlertDeliveryStatus)r.GetInt32(1), r.GetInt32(2),
        NullableString(r, 3), NullableUtc(r, 4), NullableUtc(r, 5));

    private static AlertRule ReadRule(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Name = r.GetString(1),
        Kind = (AlertRuleKind)r.GetInt32(2),
        Query = NullableString(r, 3),
        Entity = NullableString(r, 4),
        Outlets = r.GetInt32(5),
        Within = new TimeSpan(r.GetInt64(6)),
        Factor = r.GetDouble(7),
        Outlet = NullableString(r, 8),
        Webhook = NullableString(r, 9),
        Secret = NullableString(r, 10),
        AllowPrivateWebhook = r.GetBoolean(11),
        Created = Utc(r.GetInt64(12)),
        SinceSequence = r.GetInt64(13),
    };
}
