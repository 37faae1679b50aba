using Warta.Core.Storage;

namespace Warta.Core.Alerts;

/// <summary>Evaluates the alert rules after each commit of the store's writer, from the change sequence, and records what fired.</summary>
/// <remarks>
/// Its position in the change sequence is kept in the store (<see cref="IAlertStore.AlertSequenceAsync"/>) and moves in the
/// same transaction as the alerts it recorded, so a crash before that commit evaluates the same changes again on the next
/// catch-up, and the alerts' keys keep anything from being recorded (or delivered) twice. Without rules the position just
/// moves on, so a rule added later never fires for the archive.
/// </remarks>
public sealed class AlertFollower(IChangeLog changes, IAlertStore alerts, AlertEvaluator evaluator) : IChangeFollower
{
    private const int ChangesPerRead = 10_000;

    /// <summary>Told each alert once it is recorded (the log line); an alert recorded before is not told again.</summary>
    public Action<AlertEvent>? OnFired { get; init; }

    public string Name => "alerts";

    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var since = await alerts.AlertSequenceAsync(cancellationToken).ConfigureAwait(false);
        var rules = await alerts.ListAlertRulesAsync(cancellationToken).ConfigureAwait(false);
        if (rules.Count == 0)
        {
            var latest = await changes.LatestSequenceAsync(cancellationToken).ConfigureAwait(false);
            if (latest > since) await alerts.RecordAlertsAsync([], latest, cancellationToken).ConfigureAwait(false);
            return;
        }
        // No rule looks at changes before the oldest rule was added: skip them rather than read the archive.
        var last = Math.Max(since, rules.Min(static r => r.SinceSequence));
        // Read to the end before evaluating, so an outlet that joins a story in the second page is judged against the first.
        var pending = new List<StoreChange>();
        while (true)
        {
            var batch = await changes.ChangesSinceAsync(last, ChangesPerRead, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0) break;
            pending.AddRange(batch);
            last = batch[^1].Sequence;
            if (batch.Count < ChangesPerRead) break;
        }
        if (last == since) return;
        var fired = pending.Count == 0 ? [] : await evaluator.EvaluateAsync(rules, pending, cancellationToken).ConfigureAwait(false);
        var recorded = await alerts.RecordAlertsAsync(fired, last, cancellationToken).ConfigureAwait(false);
        if (OnFired is { } told)
        {
            foreach (var alert in recorded) told(alert);
        }
    }

    public void Dispose()
    {
    }
}
