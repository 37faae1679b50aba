using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Warta.Core.Stories;
using Warta.Storage.Sqlite;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary>The corrections endpoints: merge, split, move and a story's corrections, with who made them from the authenticated user.</summary>
public sealed class CorrectionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<string>> StoriesAsync(CorrectionsServer server)
    {
        using var store = SqliteStore.OpenForReading(server.Store);
        var current = await new StoryQueries(store, store).CurrentAsync(Token);
        return [.. current.Where(static s => s.ArticleCount >= 2).OrderBy(static s => s.Id, StringComparer.Ordinal).Select(static s => s.Id)];
    }

    private static async Task<List<string>> ArticlesOfAsync(CorrectionsServer server, string story)
    {
        using var store = SqliteStore.OpenForReading(server.Store);
        return [.. (await store.GetAssignmentsAsync(story, Token)).Select(static a => a.ArticleId).Order(StringComparer.Ordinal)];
    }

    private static async Task<HttpResponseMessage> PostAsync(CorrectionsServer server, string path, string json, string? user = "Redaksi Kompas")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (user is not null) request.Headers.Add(CorrectionsServer.UserHeader, user);
        return await server.Client.SendAsync(request, Token);
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Merge_split_and_move_record_the_user_and_the_story_lists_them()
    {
        await using var server = await CorrectionsServer.StartAsync();
        var stories = await StoriesAsync(server);
        Assert.True(stories.Count >= 3);
        var leaving = (await ArticlesOfAsync(server, stories[1]))[0];
        var moving = (await ArticlesOfAsync(server, stories[2]))[0];

        using var merge = await PostAsync(server, $"/api/v1/stories/{stories[0]}/merge", $$"""{"into":"{{stories[1]}}"}""");
        using var split = await PostAsync(server, $"/api/v1/stories/{stories[1]}/split", $$"""{"articles":["{{leaving}}"]}""");
        using var move = await PostAsync(server, $"/api/v1/articles/{moving}/move", $$"""{"story":"{{stories[1]}}"}""", "Ayu");
        var listed = await server.Client.GetStringAsync(new Uri($"/api/v1/stories/{stories[1]}/corrections", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var merged = await JsonOf(merge);
        Assert.Equal(("merge", stories[0], stories[1], "Redaksi Kompas"), (
            merged.GetProperty("kind").GetString(), merged.GetProperty("story").GetString(), merged.GetProperty("target").GetString(), merged.GetProperty("by").GetString()));
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        Assert.StartsWith("s-", (await JsonOf(split)).GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        Assert.Equal("Ayu", (await JsonOf(move)).GetProperty("by").GetString());
        using var corrections = JsonDocument.Parse(listed);
        Assert.Equal(["merge", "split", "move"], corrections.RootElement.EnumerateArray().Select(static c => c.GetProperty("kind").GetString()));
        Assert.Contains(moving, await ArticlesOfAsync(server, stories[1]));
    }

    [Fact]
    public async Task Refusals_are_problem_json_404_for_unknown_ids_and_400_for_a_merge_into_itself_a_split_of_all_or_none_and_a_bad_body()
    {
        await using var server = await CorrectionsServer.StartAsync();
        var story = (await StoriesAsync(server))[0];
        var all = await ArticlesOfAsync(server, story);
        var cases = new (string Path, string Body, HttpStatusCode Status)[]
        {
            ("/api/v1/stories/s-no-such-story/merge", $$"""{"into":"{{story}}"}""", HttpStatusCode.NotFound),
            ($"/api/v1/stories/{story}/merge", """{"into":"s-no-such-story"}""", HttpStatusCode.NotFound),
            ("/api/v1/articles/no-such-article/move", $$"""{"story":"{{story}}"}""", HttpStatusCode.NotFound),
            ($"/api/v1/stories/{story}/merge", $$"""{"into":"{{story}}"}""", HttpStatusCode.BadRequest),
            ($"/api/v1/stories/{story}/split", JsonSerializer.Serialize(new { articles = all }), HttpStatusCode.BadRequest),
            ($"/api/v1/stories/{story}/split", """{"articles":[]}""", HttpStatusCode.BadRequest),
            ($"/api/v1/stories/{story}/merge", """{"into":""", HttpStatusCode.BadRequest),
            ($"/api/v1/stories/{story}/split", """{"articles":"all"}""", HttpStatusCode.BadRequest),
        };

        foreach (var (path, body, status) in cases)
        {
            using var response = await PostAsync(server, path, body);
            Assert.True(status == response.StatusCode, $"{path} {body}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrEmpty((await JsonOf(response)).GetProperty("detail").GetString()));
        }
        using var missing = await server.Client.GetAsync(new Uri("/api/v1/stories/s-no-such-story/corrections", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var store = SqliteStore.OpenForReading(server.Store);
        Assert.Empty(await store.ListCorrectionsAsync(story, Token));
    }

    [Fact]
    public async Task A_correction_without_a_user_is_refused_and_changes_nothing()
    {
        await using var server = await CorrectionsServer.StartAsync();
        var stories = await StoriesAsync(server);

        using var response = await PostAsync(server, $"/api/v1/stories/{stories[0]}/merge", $$"""{"into":"{{stories[1]}}"}""", user: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var store = SqliteStore.OpenForReading(server.Store);
        Assert.Empty(await store.ListCorrectionsAsync(stories[1], Token));
        Assert.DoesNotContain(store.ListMerges(), m => m.FromStoryId == stories[0] && m.IntoStoryId == stories[1]);
    }
}
