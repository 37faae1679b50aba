using Microsoft.Extensions.DependencyInjection;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Hosting;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>What the fault tests share: the embedded run they are held against, the corpus in placement order, and reading the placer's store while it runs.</summary>
internal static class FaultRun
{
    /// <summary>The same documents through the embedded placement service (what <c>warta ingest</c> runs) into an SQLite file, described.</summary>
    public static async Task<string> EmbeddedAsync(TempFolder folder, IReadOnlyList<RawDocument> documents) =>
        (await EmbeddedStoreAsync(folder, documents)).Description;

    /// <summary>As <see cref="EmbeddedAsync"/>, with the SQLite file's path (its Lucene index beside it, as <c>warta ingest</c> keeps it).</summary>
    public static async Task<(string Path, string Description)> EmbeddedStoreAsync(TempFolder folder, IReadOnlyList<RawDocument> documents)
    {
        var path = folder.File("embedded-" + Guid.NewGuid().ToString("N")[..6] + ".db");
        await using (var host = await WorkerHost.StartAsync(
            folder.Path, new Dictionary<string, string?> { [nameof(WartaOptions.Store)] = path }, static b => b.Services.AddWartaPlacement(b.Configuration)))
        {
            await host.Services.GetRequiredService<PlacementService>().SubmitAsync(documents, cancellationToken: TestContext.Current.CancellationToken);
        }
        using var store = new SqliteStore(path);
        return (path, TestStores.Describe(store));
    }

    /// <summary>The sample corpus' annotated articles in the order the embedded run places them (<see cref="Core.Pipeline.PlacementOrder"/>: earliest first, undated last, then by id).</summary>
    /// <remarks>Published to the articles queue in this order, any prefix the placer commits before a fault is placed as the
    /// embedded run places it, so the stories after the fault can be held against the embedded run's exactly.</remarks>
    public static IReadOnlyList<Article> ArticlesInPlacementOrder() =>
        [.. SampleCorpus.Articles().OrderBy(static a => a.Published?.Value.UtcTicks ?? long.MaxValue).ThenBy(static a => a.Id, StringComparer.Ordinal)];

    public static IWartaStore OpenForReading(string location) =>
        PostgresLocation.IsPostgres(location) ? PostgresStore.Connect(location, forReading: true) : SqliteStore.OpenForReading(location);

    /// <summary>Articles placed in the store; -1 while it cannot be read (the store not created yet, or its server restarting).</summary>
    public static int CountPlaced(string location)
    {
        try
        {
            using var store = OpenForReading(location);
            return store.CountPlaced();
        }
        catch (Exception ex) when (ex is StoreFailureException or StoreUnavailableException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            return -1;
        }
    }

    public static string Describe(string location)
    {
        using var store = OpenForReading(location);
        return TestStores.Describe(store);
    }
}
