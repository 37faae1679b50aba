using Warta.Core.Alerts;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests.Alerts;

/// <summary>A scratch store with one rule of each kind added before the sample corpus is ingested (in one run, as <c>warta ingest</c> does).</summary>
public sealed class AlertCorpus : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Store => _folder.File("warta.db");

    public string Folder => _folder.Path;

    public Dictionary<string, AlertRule> Rules { get; } = new(StringComparer.Ordinal);

    /// <summary>The queries of the query rules, each the rule's name.</summary>
    public static readonly string[] Queries = ["banjir bandang", "\"Sungai Lamaru\"", "kereta outlet:kabarnusa.id", "pengungsi -Lamaru", "erupsi OR letusan"];

    public async ValueTask InitializeAsync()
    {
        foreach (var query in Queries) await AddAsync(AlertStores.Rule(AlertRuleKind.Query, query) with { Query = query });
        await AddAsync(AlertStores.Rule(AlertRuleKind.Entity, "bnpb") with { Entity = "BNPB" });
        await AddAsync(AlertStores.Rule(AlertRuleKind.StoryOutlets, "2 in 48h") with { Outlets = 2, Within = TimeSpan.FromHours(48) });
        await AddAsync(AlertStores.Rule(AlertRuleKind.StoryOutlets, "4 in 6h") with { Outlets = 4, Within = TimeSpan.FromHours(6) });
        await AddAsync(AlertStores.Rule(AlertRuleKind.OutletJoins, "antarprov joins") with { Outlet = "antarprov.com" });
        await AddAsync(AlertStores.Rule(AlertRuleKind.OutletJoins, "any joins"));
        await AddAsync(AlertStores.Rule(AlertRuleKind.RateJump, "jump 3x") with { Factor = 3 });
        await CorpusStore.IngestAsync(Store, Folder);
    }

    private async Task AddAsync(AlertRule rule) => Rules[rule.Name] = await AlertStores.AddRuleAsync(Store, rule);

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
