using Microsoft.Extensions.DependencyInjection;
using Warta.Core.Ingestion;
using Warta.Hosting;
using Warta.Testing;

namespace Warta.Web.Tests;

/// <summary>Fills a scratch store with the sample corpus through the same host builder and placer as <c>warta ingest</c>, before a server opens it.</summary>
internal static class CorpusStore
{
    public static async Task IngestAsync(string store, string folder, params RawDocument[] extra)
    {
        var ingest = WartaHost.CreateBuilder([new(nameof(WartaOptions.Store), store)], folder);
        ingest.Services.AddWartaPlacement(ingest.Configuration);
        using var host = ingest.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IIngestService>().SubmitAsync([.. SampleCorpus.Documents(), .. extra]);
        await host.StopAsync();
    }
}
