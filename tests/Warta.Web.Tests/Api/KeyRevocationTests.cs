using System.Net;
using System.Text;
using Warta.Storage.Sqlite;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary>A key revoked while the server runs stops working once its cached lookup expires (here at once: the cache is off).</summary>
public sealed class KeyRevocationTests(KeyRevocationTests.UncachedServer served) : IClassFixture<KeyRevocationTests.UncachedServer>
{
    public sealed class UncachedServer : ServedApi
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Api:KeyCacheSeconds", "0")];
    }

    [Fact]
    public async Task A_key_revoked_while_the_server_runs_is_refused_with_403()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = served.ClientWith(served.Key);
        using var before = await client.GetAsync(new Uri("/api/v1/stories?limit=1", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using var allowed = new StringContent("{\"title\": \"Posko banjir Lamaru ditutup\", \"text\": \"Lamaru - Posko banjir ditutup karena air sudah surut.\"}", Encoding.UTF8, "application/json");
        using var posted = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), allowed, ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        using (var store = new SqliteStore(served.Store))
        {
            Assert.True(await store.RevokeApiKeyAsync(ServedApi.KeyName, DateTimeOffset.UtcNow, ct));
        }
        using var refused = new StringContent("{\"title\": \"Posko banjir Lamaru dibuka lagi\", \"text\": \"Lamaru - Posko dibuka lagi.\"}", Encoding.UTF8, "application/json");
        using var after = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), refused, ct);

        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }
}
