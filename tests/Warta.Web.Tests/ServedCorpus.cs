using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Warta.Hosting;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests;

/// <summary>The sample corpus ingested into a scratch store, served in-process (TestServer: no socket) by the app <c>warta serve</c> runs.</summary>
public sealed class ServedCorpus : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public string Store => _folder.File("warta.db");

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Ingested through the same host builder and placer as the CLI, then served by a second process-like host.
        await CorpusStore.IngestAsync(Store, _folder.Path);
        var builder = WartaWebApp.CreateBuilder(new ServeOptions(), [new(nameof(WartaOptions.Store), Store)], _folder.Path);
        builder.WebHost.UseTestServer();
        _app = WartaWebApp.Build(builder);
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _folder.Dispose();
    }
}
