using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Warta.Core.Alerts;
using Warta.Core.Ingestion;
using Warta.Hosting;
using Warta.Storage.Sqlite;

namespace Warta.Web.Tests.Alerts;

/// <summary>Stores with alert rules in them before anything is ingested, filled through the same host and placer as <c>warta ingest</c>.</summary>
internal static class AlertStores
{
    public static async Task<AlertRule> AddRuleAsync(string store, AlertRule rule)
    {
        using var opened = new SqliteStore(store);
        return await opened.AddAlertRuleAsync(rule);
    }

    public static AlertRule Rule(AlertRuleKind kind, string name) => new()
    {
        Id = AlertRule.NewId(),
        Name = name,
        Kind = kind,
        Created = DateTimeOffset.UtcNow,
    };

    /// <summary>Ingests <paramref name="documents"/> (only these) into <paramref name="store"/> in one run.</summary>
    public static async Task IngestAsync(string store, string folder, IReadOnlyList<RawDocument> documents)
    {
        var ingest = WartaHost.CreateBuilder([new(nameof(WartaOptions.Store), store)], folder);
        ingest.Services.AddWartaPlacement(ingest.Configuration);
        using var host = ingest.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IIngestService>().SubmitAsync(documents);
        await host.StopAsync();
    }

    /// <summary>A deliverer on <paramref name="time"/> whose webhooks may reach loopback (as configured with <c>Alerts:AllowedRanges</c>), or public addresses only.</summary>
    public static AlertDeliverer Deliverer(TimeProvider time, bool allowLoopback = true, Action<Warta.Fetching.ConnectAttempt>? onConnect = null)
    {
        var options = new AlertOptions { FirstRetrySeconds = 10, MaxRetrySeconds = 600, MaxAttempts = 5, TimeoutSeconds = 10 };
        if (allowLoopback) options.AllowedRanges.Add("127.0.0.0/8");
        var client = new AlertWebhookClient(Options.Create(options)) { OnConnectAttempt = onConnect };
        return new AlertDeliverer(client, Options.Create(options), time, NullLogger<AlertDeliverer>.Instance) { Random = new Random(7) };
    }
}
