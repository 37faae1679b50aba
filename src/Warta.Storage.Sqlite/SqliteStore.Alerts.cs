using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Alerts;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore : IAlertStore
{
    // Rule and delivery writes are short transactions of their own, outside the placer's write lock (like API keys), so
    // `warta alerts add` and the delivery service work while a writer runs. Alerts are recorded by the writer's follower.

    private const string RuleColumns =
        "id, name, kind, query, entity, outlets, within_ticks, factor, outlet, webhook, secret, allow_private, created_utc_ticks, since_seq";

    private const string DeliveryColumns =
        "d.webhook, d.status, d.attempts, d.last_error, d.next_attempt_utc_ticks, d.last_attempt_utc_ticks, a.alert_json";

    public Task<AlertRule> AddAlertRuleAsync(AlertRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            long since;
            using (var latest = Command("SELECT coalesce(max(seq), 0) FROM changes", transaction))
            {
                since = Convert.ToInt64(latest.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            using (var insert = Command($"INSERT INTO alert_rules ({RuleColumns}) VALUES ($id, $name, $kind, $query, $entity, $outlets, $within, $factor, $outlet, $webhook, $secret, $private, $created, $since)", transaction))
            {
                insert.Parameters.AddWithValue("$id", rule.Id);
                insert.Parameters.AddWithValue("$name", rule.Name);
                insert.Parameters.AddWithValue("$kind", (int)rule.Kind);
                insert.Parameters.AddWithValue("$query", (object?)rule.Query ?? DBNull.Value);
                insert.Parameters.AddWithValue("$entity", (object?)rule.Entity ?? DBNull.Value);
                insert.Parameters.AddWithValue("$outlets", rule.Outlets);
                insert.Parameters.AddWithValue("$within", rule.Within.Ticks);
                insert.Parameters.AddWithValue("$factor", rule.Factor);
                insert.Parameters.AddWithValue("$outlet", (object?)rule.Outlet ?? DBNull.Value);
                insert.Parameters.AddWithValue("$webhook", (object?)rule.Webhook ?? DBNull.Value);
                insert.Parameters.AddWithValue("$secret", (object?)rule.Secret ?? DBNull.Value);
                insert.Parameters.AddWithValue("$private", rule.AllowPrivateWebhook ? 1 : 0);
                insert.Parameters.AddWithValue("$created", rule.Created.UtcTicks);
                insert.Parameters.AddWithValue("$since", since);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            return rule with { SinceSequence = since, Created = new DateTimeOffset(rule.Created.UtcTicks, TimeSpan.Zero) };
        }));
    }

    public Task<IReadOnlyList<AlertRule>> ListAlertRulesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<AlertRule>>(Guard(() =>
        {
            using var command = Command($"SELECT {RuleColumns} FROM alert_rules ORDER BY created_utc_ticks, id");
            using var reader = command.ExecuteReader();
            var rules = new List<AlertRule>();
            while (reader.Read()) rules.Add(ReadRule(reader));
            return rules;
        }));
    }

    public Task<bool> RemoveAlertRuleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            int removed;
            using (var rule = Command("DELETE FROM alert_rules WHERE id = $id", transaction))
            {
                rule.Parameters.AddWithValue("$id", id);
                removed = rule.ExecuteNonQuery();
            }
            using (var rest = Command("DELETE FROM alert_deliveries WHERE rule_id = $id; DELETE FROM alerts WHERE rule_id = $id", transaction))
            {
                rest.Parameters.AddWithValue("$id", id);
                rest.ExecuteNonQuery();
            }
            transaction.Commit();
            return removed == 1;
        }));
    }

    public Task<long> AlertSequenceAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("SELECT coalesce(max(seq), 0) FROM alert_state");
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }));
    }

    public Task<IReadOnlyList<AlertEvent>> RecordAlertsAsync(IReadOnlyList<AlertEvent> alerts, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<AlertEvent>>(Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            var recorded = new List<AlertEvent>();
            using (var insert = Prepared(
                "INSERT INTO alerts (key, rule_id, seq, fired_utc_ticks, alert_json) SELECT $key, id, $seq, $fired, $json FROM alert_rules WHERE id = $rule ON CONFLICT DO NOTHING",
                transaction, out var alert))
            using (var deliver = Prepared(
                "INSERT INTO alert_deliveries (key, rule_id, webhook, status, attempts, next_attempt_utc_ticks, created_utc_ticks) SELECT $key, id, webhook, $status, 0, $fired, $fired FROM alert_rules WHERE id = $rule AND webhook IS NOT NULL",
                transaction, out var delivery))
            {
                foreach (var item in alerts)
                {
                    alert[0].Value = item.Key;
                    alert[1].Value = item.Sequence;
                    alert[2].Value = item.FiredAt.UtcTicks;
                    alert[3].Value = AlertJson.Serialize(item);
                    alert[4].Value = item.RuleId;
                    // A key recorded before (the same changes evaluated again after a crash) is neither recorded nor delivered again.
                    if (insert.ExecuteNonQuery() != 1) continue;
                    delivery[0].Value = item.Key;
                    delivery[1].Value = (int)AlertDeliveryStatus.Pending;
                    delivery[2].Value = item.FiredAt.UtcTicks;
                    delivery[3].Value = item.RuleId;
                    deliver.ExecuteNonQuery();
                    recorded.Add(item);
                }
            }
            using (var state = Command("INSERT OR REPLACE INTO alert_state (id, seq) VALUES (1, $seq)", transaction))
            {
                state.Parameters.AddWithValue("$seq", sequence);
                state.ExecuteNonQuery();
            }
            transaction.Commit();
            return recorded;
        }));
    }

    public Task<IReadOnlyList<AlertEvent>> ListAlertsAsync(string ruleId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<AlertEvent>>(Guard(() =>
        {
            using var command = Command("SELECT alert_json FROM alerts WHERE rule_id = $rule ORDER BY fired_utc_ticks DESC, seq DESC, key LIMIT $limit");
            command.Parameters.AddWithValue("$rule", ruleId);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var alerts = new List<AlertEvent>();
            while (reader.Read()) alerts.Add(AlertJson.Deserialize(reader.GetString(0)));
            return alerts;
        }));
    }

    public Task<IReadOnlyList<AlertDelivery>> ListDueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ReadDeliveries(
            $"SELECT {DeliveryColumns} FROM alert_deliveries d JOIN alerts a ON a.key = d.key WHERE d.status = $pending AND d.next_attempt_utc_ticks <= $now ORDER BY d.next_attempt_utc_ticks, d.key LIMIT $limit",
            command =>
            {
                command.Parameters.AddWithValue("$pending", (int)AlertDeliveryStatus.Pending);
                command.Parameters.AddWithValue("$now", now.UtcTicks);
                command.Parameters.AddWithValue("$limit", limit);
            }));
    }

    public Task<DateTimeOffset?> NextDeliveryDueAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("SELECT min(next_attempt_utc_ticks) FROM alert_deliveries WHERE status = $pending");
            command.Parameters.AddWithValue("$pending", (int)AlertDeliveryStatus.Pending);
            return command.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        }));
    }

    public Task RecordDeliveryAttemptAsync(string key, AlertDeliveryStatus status, DateTimeOffset attemptedAt, string? error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        Guard(() =>
        {
            using var command = Command(
                "UPDATE alert_deliveries SET status = $status, attempts = attempts + 1, last_error = $error, next_attempt_utc_ticks = $next, last_attempt_utc_ticks = $at WHERE key = $key");
            command.Parameters.AddWithValue("$status", (int)status);
            command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
            command.Parameters.AddWithValue("$next", nextAttempt is { } next ? next.UtcTicks : DBNull.Value);
            command.Parameters.AddWithValue("$at", attemptedAt.UtcTicks);
            command.Parameters.AddWithValue("$key", key);
            return command.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertDelivery>> ListDeliveriesAsync(int limit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ReadDeliveries(
            $"SELECT {DeliveryColumns} FROM alert_deliveries d JOIN alerts a ON a.key = d.key ORDER BY d.created_utc_ticks DESC, d.rowid DESC LIMIT $limit",
            command => command.Parameters.AddWithValue("$limit", limit)));
    }

    private IReadOnlyList<AlertDelivery> ReadDeliveries(string sql, Action<SqliteCommand> bind) => Guard(() =>
    {
        using var command = Command(sql);
        bind(command);
        using var reader = command.ExecuteReader();
        var deliveries = new List<AlertDelivery>();
        while (reader.Read())
        {
            deliveries.Add(new AlertDelivery(
                AlertJson.Deserialize(reader.GetString(6)),
                reader.GetString(0),
                (AlertDeliveryStatus)reader.GetInt32(1),
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero)));
        }
        return (IReadOnlyList<AlertDelivery>)deliveries;
    });

    private static AlertRule ReadRule(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Name = reader.GetString(1),
        Kind = (AlertRuleKind)reader.GetInt32(2),
        Query = reader.IsDBNull(3) ? null : reader.GetString(3),
        Entity = reader.IsDBNull(4) ? null : reader.GetString(4),
        Outlets = reader.GetInt32(5),
        Within = new TimeSpan(reader.GetInt64(6)),
        Factor = reader.GetDouble(7),
        Outlet = reader.IsDBNull(8) ? null : reader.GetString(8),
        Webhook = reader.IsDBNull(9) ? null : reader.GetString(9),
        Secret = reader.IsDBNull(10) ? null : reader.GetString(10),
        AllowPrivateWebhook = reader.GetInt32(11) != 0,
        Created = new DateTimeOffset(reader.GetInt64(12), TimeSpan.Zero),
        SinceSequence = reader.GetInt64(13),
    };
}
