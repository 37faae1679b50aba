using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary>ETags of store-only reads come from the store's change sequence: the same URL keeps its tag until a write, and a write gives it a new one.</summary>
public sealed class ETagTests(ServedApi served) : IClassFixture<ServedApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, EntityTagHeaderValue? ETag)> GetAsync(string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        using var response = await served.Client.SendAsync(request, Ct);
        return (response.StatusCode, response.Headers.ETag);
    }

    [Fact]
    public async Task A_write_to_the_store_changes_the_etag_so_the_old_one_gets_the_new_answer_and_urls_have_their_own_tags()
    {
        var (_, list) = await GetAsync("/api/v1/stories");
        var (_, page) = await GetAsync("/api/v1/stories?limit=1");
        Assert.NotNull(list);
        Assert.NotNull(page);
        Assert.NotEqual(list, page);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/api/v1/stories", list)).Status);

        using var client = served.ClientWith(served.Key);
        using var body = new StringContent("{\"title\": \"Jembatan gantung Desa Lamaru diresmikan\", \"text\": \"Lamaru - Jembatan gantung baru diresmikan bupati.\"}", Encoding.UTF8, "application/json");
        using var posted = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), body, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var (status, after) = await GetAsync("/api/v1/stories", list);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(list, after);
    }
}
