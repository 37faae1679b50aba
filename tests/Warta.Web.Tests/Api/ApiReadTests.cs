using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace Warta.Web.Tests.Api;

public sealed class ApiReadTests(ServedApi served) : IClassFixture<ServedApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> GetAsync(string url)
    {
        using var response = await served.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<string> LamaruIdAsync()
    {
        using var list = JsonDocument.Parse(await GetAsync("/api/v1/stories?sort=time&limit=1000"));
        return list.RootElement.EnumerateArray()
            .Single(static s => s.GetProperty("headline").GetString()!.Contains("Lamaru", StringComparison.Ordinal))
            .GetProperty("id").GetString()!;
    }

    private static string Cli(params string[] args) => CliRun.Output(args).TrimEnd('\r', '\n');

    [Fact]
    public async Task The_stories_list_by_time_is_byte_for_byte_what_warta_stories_json_prints()
    {
        var api = await GetAsync("/api/v1/stories?sort=time&limit=1000");
        Assert.Equal(Cli("--db", served.Store, "stories", "--json"), api);
        Assert.NotEqual(0, JsonDocument.Parse(api).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task One_story_is_byte_for_byte_what_warta_story_json_prints()
    {
        var id = await LamaruIdAsync();
        var api = await GetAsync($"/api/v1/stories/{id}");
        Assert.Equal(Cli("--db", served.Store, "story", id, "--json"), api);
        Assert.Contains("\"brief\"", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Articles_entities_and_search_answer_what_the_cli_prints_as_json()
    {
        using var articles = JsonDocument.Parse(await GetAsync("/api/v1/articles?limit=1000"));
        var first = articles.RootElement[0].GetProperty("id").GetString()!;
        Assert.Equal(Cli("--db", served.Store, "articles", "--json"), await GetAsync("/api/v1/articles?limit=1000"));
        Assert.Equal(Cli("--db", served.Store, "article", first, "--json"), await GetAsync($"/api/v1/articles/{first}"));
        Assert.Equal(Cli("--db", served.Store, "entities", "--json"), await GetAsync("/api/v1/entities?limit=1000"));
        Assert.Equal(Cli("--db", served.Store, "search", "banjir", "--json"), await GetAsync("/api/v1/search?q=banjir"));
        // The snippets come from the articles' texts in the store (the index keeps none): some show body text, not the title.
        using (var search = JsonDocument.Parse(await GetAsync("/api/v1/search?q=banjir")))
        {
            Assert.Contains(search.RootElement.GetProperty("hits").EnumerateArray(), static h =>
                h.GetProperty("snippet").GetString() is { Length: > 0 } snippet
                && !h.GetProperty("title").GetString()!.Contains(snippet.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal), StringComparison.Ordinal));
        }
        Assert.Equal(Cli("--db", served.Store, "search", "banjir", "--stories", "--json"), await GetAsync("/api/v1/search?q=banjir&stories=true"));
        Assert.Equal(Cli("--db", served.Store, "search", "banjir", "--per-week", "--by-outlet", "--json"), await GetAsync("/api/v1/search/counts?q=banjir&per=week&by=outlet"));
    }

    [Fact]
    public async Task Stories_are_paged_with_the_total_in_a_header_and_filtered_by_outlet_and_time()
    {
        using var all = JsonDocument.Parse(await GetAsync("/api/v1/stories?limit=1000"));
        var total = all.RootElement.GetArrayLength();
        using var response = await served.Client.GetAsync(new Uri("/api/v1/stories?limit=2&offset=1", UriKind.Relative), Ct);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.True(total > 3);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
        Assert.Equal(
            all.RootElement.EnumerateArray().Skip(1).Take(2).Select(static s => s.GetProperty("id").GetString()),
            page.RootElement.EnumerateArray().Select(static s => s.GetProperty("id").GetString()));
        var outlet = all.RootElement[0].GetProperty("outlets")[0].GetString()!;
        using var byOutlet = JsonDocument.Parse(await GetAsync($"/api/v1/stories?outlet={Uri.EscapeDataString(outlet)}"));
        Assert.NotEqual(0, byOutlet.RootElement.GetArrayLength());
        Assert.All(byOutlet.RootElement.EnumerateArray(), s => Assert.Contains(outlet, s.GetProperty("outlets").EnumerateArray().Select(static o => o.GetString())));
        using var future = JsonDocument.Parse(await GetAsync("/api/v1/stories?since=2999-01-01"));
        Assert.Equal(0, future.RootElement.GetArrayLength());
        using var entity = JsonDocument.Parse(await GetAsync("/api/v1/stories?entity=Sungai%20Lamaru"));
        Assert.Contains(entity.RootElement.EnumerateArray(), static s => s.GetProperty("headline").GetString()!.Contains("Lamaru", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_story_s_articles_entities_and_one_entity_are_served()
    {
        var id = await LamaruIdAsync();
        using var articles = JsonDocument.Parse(await GetAsync($"/api/v1/stories/{id}/articles"));
        Assert.Equal(7, articles.RootElement.GetArrayLength());
        Assert.Contains(articles.RootElement.EnumerateArray(), static a => a.GetProperty("copyOf").ValueKind == JsonValueKind.String);
        using var entity = JsonDocument.Parse(await GetAsync("/api/v1/entities/Sungai%20Lamaru"));
        Assert.Contains(entity.RootElement[0].GetProperty("stories").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        var entityId = entity.RootElement[0].GetProperty("id").GetString()!;
        using var byId = JsonDocument.Parse(await GetAsync($"/api/v1/entities/{Uri.EscapeDataString(entityId)}"));
        Assert.Equal(entityId, byId.RootElement[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("/api/v1/stories?limit=abc", "limit")]
    [InlineData("/api/v1/stories?limit=0", "limit")]
    [InlineData("/api/v1/stories?offset=-1", "offset")]
    [InlineData("/api/v1/stories?sort=size", "sort")]
    [InlineData("/api/v1/stories?since=yesterday", "since")]
    [InlineData("/api/v1/search", "query")]
    [InlineData("/api/v1/search?q=banjir&since=kemarin", "since")]
    [InlineData("/api/v1/search/counts?q=banjir&per=month", "per")]
    public async Task Bad_query_values_are_a_400_problem_naming_the_parameter(string url, string named)
    {
        using var response = await served.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(named, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/stories/s-nosuch", "s-nosuch")]
    [InlineData("/api/v1/stories/s-nosuch/articles", "s-nosuch")]
    [InlineData("/api/v1/stories/s-nosuch/feed.atom", "s-nosuch")]
    [InlineData("/api/v1/articles/0000000000000000", "0000000000000000")]
    [InlineData("/api/v1/entities/person:nobody-at-all", "person:nobody-at-all")]
    public async Task Unknown_ids_are_a_404_problem_naming_the_id(string url, string id)
    {
        using var response = await served.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(id, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_answers_304_when_the_client_has_its_etag()
    {
        using var first = await served.Client.GetAsync(new Uri("/api/v1/stories", UriKind.Relative), Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/stories", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await served.Client.SendAsync(again, Ct);
        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/stories", UriKind.Relative));
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var third = await served.Client.SendAsync(other, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(etag, third.Headers.ETag);
    }

    [Fact]
    public async Task A_story_exports_as_atom_csv_and_json_and_a_search_as_atom()
    {
        var id = await LamaruIdAsync();
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await GetAsync($"/api/v1/stories/{id}/feed.atom"));
        Assert.Equal(7, feed.Root!.Elements(atom + "entry").Count());
        Assert.Contains("Lamaru", feed.Root.Element(atom + "title")!.Value, StringComparison.Ordinal);
        var csv = (await GetAsync($"/api/v1/stories/{id}/articles.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,published,outlet,title,url,copy_of", csv[0]);
        Assert.Equal(8, csv.Length);
        Assert.Equal(await GetAsync($"/api/v1/stories/{id}"), await GetAsync($"/api/v1/stories/{id}/story.json"));
        var search = XDocument.Parse(await GetAsync("/api/v1/search/feed.atom?q=banjir"));
        Assert.NotEmpty(search.Root!.Elements(atom + "entry"));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_and_the_docs_page_is_served()
    {
        using var document = JsonDocument.Parse(await GetAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(static p => p.Name).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "/api/v1/stories", "/api/v1/stories/{id}", "/api/v1/stories/{id}/articles", "/api/v1/articles", "/api/v1/articles/{id}",
            "/api/v1/entities", "/api/v1/entities/{id}", "/api/v1/search", "/api/v1/search/counts", "/api/v1/stories/{id}/feed.atom",
            "/api/v1/stories/{id}/articles.csv", "/api/v1/stories/{id}/story.json", "/api/v1/search/feed.atom",
        ];
        Assert.All(expected, p => Assert.Contains(p, paths));
        Assert.True(document.RootElement.GetProperty("paths").GetProperty("/api/v1/articles").TryGetProperty("post", out _));
        Assert.Contains("<html", await GetAsync("/api/docs/"), StringComparison.OrdinalIgnoreCase);
    }
}
