using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Warta.Hosting;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary>Search served from a PostgreSQL store: the sample corpus ingested with <c>--store postgres://…</c> (its index kept
/// by the same placer), answered by the API exactly as <c>warta search --json</c> prints it.</summary>
public sealed class PostgresSearchApiTests(PostgresSearchApiTests.Served served) : IClassFixture<PostgresSearchApiTests.Served>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/search?q=banjir", "search", "banjir", "--json")]
    [InlineData("/api/v1/search?q=banjir%20-Lamaru&stories=true", "search", "banjir -Lamaru", "--stories", "--json")]
    [InlineData("/api/v1/search/counts?q=pengungsi&per=week&by=outlet", "search", "pengungsi", "--per-week", "--by-outlet", "--json")]
    public async Task Should_answer_a_search_on_a_postgresql_store_as_warta_search_prints_it(string url, params string[] command)
    {
        served.SkipUnlessAvailable();

        using var response = await served.Client!.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CliRun.Output(["--store", served.Store!, .. command]).TrimEnd('\r', '\n'), body);
        using var json = JsonDocument.Parse(body);
        Assert.NotEqual(0, json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.GetArrayLength() : json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Should_show_the_hits_of_a_postgresql_store_on_the_search_page()
    {
        served.SkipUnlessAvailable();

        using var response = await served.Client!.GetAsync(new Uri("/search?q=Lamaru", UriKind.Relative), Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Banjir Lamaru", page, StringComparison.Ordinal);
    }

    /// <summary>The sample corpus in a PostgreSQL store, served in-process.</summary>
    public sealed class Served : IAsyncLifetime
    {
        private readonly PostgresTestDatabase _database = new();
        private readonly TempFolder _folder = new();
        private WebApplication? _app;

        public string? Store { get; private set; }

        public HttpClient? Client { get; private set; }

        public void SkipUnlessAvailable() => _database.SkipUnlessAvailable();

        public async ValueTask InitializeAsync()
        {
            await _database.InitializeAsync();
            if (_database.ConnectionString is null) return;
            Store = _database.StoreUri("web", "corpus");
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
            await _database.DisposeAsync();
        }
    }
}
