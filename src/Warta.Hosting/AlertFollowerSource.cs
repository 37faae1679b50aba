using Microsoft.Extensions.Logging;
using Warta.Core.Alerts;
using Warta.Core.Storage;

namespace Warta.Hosting;

/// <summary>Opens the <see cref="AlertFollower"/> on the store the placement service opened, so the rules are evaluated after every commit, with a log line per alert.</summary>
/// <remarks>Registered after the search index and story views, so it runs after them in each catch-up. It records alerts and
/// their pending deliveries; delivering is the <see cref="AlertDeliveryService"/>'s (in <c>warta serve</c>) or <c>warta alerts deliver</c>'s.</remarks>
public sealed partial class AlertFollowerSource(TextAnalysisServices textAnalysis, TimeProvider time, ILogger<AlertFollowerSource> logger) : IChangeFollowerSource
{
    public IChangeFollower? Open(IWartaStore store, string storeLocation)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Both stores keep alert rules (SQLite's step 9, PostgreSQL's step 5); a store without them evaluates none.
        if (store is not IAlertStore alerts) return null;
        var evaluator = new AlertEvaluator(store, store, textAnalysis.LoadingAnalyzer(), time);
        return new AlertFollower(store, alerts, evaluator) { OnFired = alert => LogFired(logger, alert.RuleId, alert.Key, alert.Summary) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "alert {Rule} ({Key}): {Summary}")]
    private static partial void LogFired(ILogger logger, string rule, string key, string summary);
}
