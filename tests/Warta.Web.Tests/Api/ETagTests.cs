using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Warta.Storage.Sqlite;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary>ETags of store-only reads come from the store's change sequence: the same URL keeps its tag until a write, and a write gives it a new one;
/// a story's own reads, from the changes that touch that story.</summary>
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

    [Fact]
    public async Task A_post_changes_the_etag_of_the_story_it_joins_and_leaves_the_other_stories_tags_as_they_were()
    {
        await ViewsCaughtUpAsync();
        using var listed = JsonDocument.Parse(await served.Client.GetStringAsync(new Uri("/api/v1/stories?limit=1000", UriKind.Relative), Ct));
        var ids = listed.RootElement.EnumerateArray().Select(static s => s.GetProperty("id").GetString()!).ToList();
        Assert.True(ids.Count >= 3, $"the sample corpus should make several stories, not {ids.Count}");
        var before = new Dictionary<string, EntityTagHeaderValue>(StringComparer.Ordinal);
        foreach (var id in ids) before[id] = (await GetAsync($"/api/v1/stories/{id}")).ETag!;

        using var client = served.ClientWith(served.Key);
        using var body = new StringContent(
            "{\"title\": \"Banjir rendam 300 rumah di Lamaru\", \"text\": \"Lamaru - Banjir merendam 300 rumah warga sejak Senin malam, kata BPBD.\"}",
            Encoding.UTF8, "application/json");
        using var posted = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), body, Ct);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using var answer = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(Ct));
        var joined = answer.RootElement.GetProperty("documents")[0].GetProperty("articles")[0].GetProperty("story").GetString()!;
        await ViewsCaughtUpAsync();

        if (before.TryGetValue(joined, out var old)) Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/api/v1/stories/{joined}", old)).Status);
        var kept = 0;
        foreach (var (id, tag) in before.Where(p => p.Key != joined))
        {
            var (status, _) = await GetAsync($"/api/v1/stories/{id}", tag);
            // A story the new article merged away now redirects; every other story is untouched and answers 304.
            if (status != HttpStatusCode.PermanentRedirect)
            {
                Assert.Equal(HttpStatusCode.NotModified, status);
                kept++;
            }
        }
        Assert.True(kept >= before.Count - 2, $"{kept} of {before.Count} stories kept their tags");
    }

    /// <summary>Waits (at most 30 s) until the story views reflect every change, so no view is rewritten while tags are compared.</summary>
    private async Task ViewsCaughtUpAsync()
    {
        using var store = SqliteStore.OpenForReading(served.Store);
        for (var tries = 0; tries < 300; tries++)
        {
            if (await store.StoryViewSequenceAsync(Ct) >= await store.LatestSequenceAsync(Ct)) return;
            await Task.Delay(100, Ct);
        }
        Assert.Fail("the story views did not catch up with the store in 30 s");
    }
}
