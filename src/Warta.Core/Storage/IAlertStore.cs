using Warta.Core.Alerts;

namespace Warta.Core.Storage;

/// <summary>Where alert rules, the evaluator's position in the change sequence, fired alerts and their webhook deliveries are kept.</summary>
/// <remarks>Rule and delivery writes are small transactions of their own, outside the placer's write lock, so rules can be
/// managed and deliveries made while a writer runs; alerts are recorded by the store's writer (the evaluator is one of its
/// followers), with the evaluator's position in the same transaction.</remarks>
public interface IAlertStore
{
    /// <summary>Stores <paramref name="rule"/> with <see cref="AlertRule.SinceSequence"/> set to the store's last change, read in the same transaction; returns the rule as stored.</summary>
    Task<AlertRule> AddAlertRuleAsync(AlertRule rule, CancellationToken cancellationToken = default);

    /// <summary>Every rule, oldest first.</summary>
    Task<IReadOnlyList<AlertRule>> ListAlertRulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the rule with its fired alerts and deliveries; false when there is no such rule.</summary>
    Task<bool> RemoveAlertRuleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The last change the evaluator handled, 0 before its first run.</summary>
    Task<long> AlertSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the alerts whose keys are new (one delivery each, due at once, for a rule with a webhook) and moves the
    /// evaluator's position to <paramref name="sequence"/>, in one transaction. Returns the alerts that were new.
    /// </summary>
    Task<IReadOnlyList<AlertEvent>> RecordAlertsAsync(IReadOnlyList<AlertEvent> alerts, long sequence, CancellationToken cancellationToken = default);

    /// <summary>The rule's alerts, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlertEvent>> ListAlertsAsync(string ruleId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Pending deliveries due at or before <paramref name="now"/>, oldest due first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlertDelivery>> ListDueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>The earliest time a pending delivery is due, or null when none is pending.</summary>
    Task<DateTimeOffset?> NextDeliveryDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Records one attempt of the delivery <paramref name="key"/>: its new status, error (null on success) and, while pending, when to try again.</summary>
    Task RecordDeliveryAttemptAsync(string key, AlertDeliveryStatus status, DateTimeOffset attemptedAt, string? error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken = default);

    /// <summary>Deliveries, most recently created first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlertDelivery>> ListDeliveriesAsync(int limit, CancellationToken cancellationToken = default);
}
