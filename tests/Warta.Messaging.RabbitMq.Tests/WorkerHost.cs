using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Warta.Hosting;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>One worker in process, as <c>warta worker annotate</c> or <c>place</c> runs it: Warta's host with the worker's hosted service.</summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkerHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<WorkerHost> StartAsync(string folder, IReadOnlyDictionary<string, string?> settings, Action<HostApplicationBuilder> configure)
    {
        var builder = WartaHost.CreateBuilder(settings, folder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure(builder);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new WorkerHost(host);
    }

    public static Task<WorkerHost> AnnotatorAsync(string folder, IReadOnlyDictionary<string, string?> settings) =>
        StartAsync(folder, settings, static b => b.Services.AddWartaAnnotationWorker());

    public static Task<WorkerHost> PlacerAsync(string folder, IReadOnlyDictionary<string, string?> settings) =>
        StartAsync(folder, settings, static b => b.Services.AddWartaPlacementWorker(b.Configuration));

    public AnnotationWorker Annotator => _host.Services.GetRequiredService<AnnotationWorker>();

    public PlacementWorker Placer => _host.Services.GetRequiredService<PlacementWorker>();

    /// <summary>Stops the host: a placer commits and acknowledges what it took.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
