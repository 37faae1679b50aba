using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Warta.Core.Ingestion;
using Warta.Core.Storage;
using Warta.Hosting;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary>The sample corpus in a scratch store with a valid key and a revoked one, served in-process (TestServer: no socket) as <c>warta serve</c> serves it.</summary>
/// <remarks>One instance per test class (IClassFixture), so a class that writes does not change what another reads.</remarks>
public class ServedApi : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Store => _folder.File("warta.db");

    /// <summary>A valid key, named <see cref="KeyName"/>.</summary>
    public string Key { get; } = ApiKeySecret.Create();

    public const string KeyName = "desk";

    /// <summary>A key named <c>old</c>, revoked.</summary>
    public string RevokedKey { get; } = ApiKeySecret.Create();

    public WebApplication App { get; private set; } = null!;

    /// <summary>A client without a key.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>How the server listens; loopback unless a subclass says otherwise.</summary>
    protected virtual ServeOptions Serve => new();

    /// <summary>Settings the server gets besides the store (as <c>warta.json</c> would give them).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async ValueTask InitializeAsync()
    {
        await CorpusStore.IngestAsync(Store, _folder.Path);
        using (var store = new SqliteStore(Store))
        {
            Prepare(store);
            var now = DateTimeOffset.UtcNow;
            await store.AddApiKeyAsync(new ApiKey(KeyName, ApiKeySecret.Hash(Key), now, null));
            await store.AddApiKeyAsync(new ApiKey("old", ApiKeySecret.Hash(RevokedKey), now, now));
        }
        var builder = WartaWebApp.CreateBuilder(Serve, [new(nameof(WartaOptions.Store), Store), .. Settings], _folder.Path);
        builder.WebHost.UseTestServer();
        App = WartaWebApp.Build(builder);
        await App.StartAsync();
        Client = App.GetTestClient();
    }

    /// <summary>Changes the ingested store before the server opens it (a test's own articles, merges).</summary>
    protected virtual void Prepare(SqliteStore store)
    {
    }

    /// <summary>A client sending <paramref name="key"/> as a bearer token.</summary>
    public HttpClient ClientWith(string key)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (App is not null) await App.DisposeAsync();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
