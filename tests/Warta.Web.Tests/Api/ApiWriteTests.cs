using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Warta.Storage.Sqlite;
using Xunit;

namespace Warta.Web.Tests.Api;

public sealed class ApiWriteTests(ServedApi served) : IClassFixture<ServedApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Record(string title, string outlet = "Antarprov") => new(
        JsonSerializer.Serialize(new
        {
            title,
            url = $"https://antarprov.com/daerah/2025/03/07/{Uri.EscapeDataString(title.Replace(' ', '-'))}",
            outlet,
            published = "2025-03-07T09:00:00+08:00",
            text = "Lamaru (Antarprov) - Banjir yang melanda Kabupaten Lamaru, Kalimantan Selatan, mulai surut pada Jumat pagi. "
                + "Badan Penanggulangan Bencana Daerah Lamaru mencatat ketinggian air Sungai Lamaru turun 40 sentimeter.\n\n"
                + $"Warga yang mengungsi mulai kembali ke rumah mereka untuk membersihkan lumpur. {title}.",
        }),
        Encoding.UTF8,
        "application/json");

    private int ArticleCount()
    {
        using var store = SqliteStore.OpenForReading(served.Store);
        return store.CountArticlesAsync(Ct).GetAwaiter().GetResult();
    }

    private static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_write_needs_a_valid_key_401_without_or_with_a_wrong_one_and_403_with_a_revoked_one()
    {
        var before = ArticleCount();
        using var none = await served.Client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), Record("Tanpa kunci"), Ct);
        using var wrongClient = served.ClientWith("wk_not-a-key");
        using var wrong = await wrongClient.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), Record("Kunci salah"), Ct);
        using var revokedClient = served.ClientWith(served.RevokedKey);
        using var revoked = await revokedClient.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), Record("Kunci dicabut"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", Assert.Single(none.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        using var problem = await ProblemAsync(revoked);
        Assert.Contains("'old' was revoked", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, ArticleCount());
    }

    [Theory]
    [InlineData("{\"title\": \"Banjir\", ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1, 2]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("\"Banjir\"", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("title,text\nBanjir,Air naik", "text/csv", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("[{\"url\": \"https://contoh.id/kosong\"}, {\"title\": \"\", \"text\": \"\"}]", "application/json", HttpStatusCode.UnprocessableEntity)]
    public async Task A_malformed_body_is_a_problem_and_stores_nothing(string body, string contentType, HttpStatusCode expected)
    {
        var before = ArticleCount();
        using var client = served.ClientWith(served.Key);
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), content, Ct);

        Assert.Equal(expected, response.StatusCode);
        using var problem = await ProblemAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(before, ArticleCount());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var before = ArticleCount();
        using var client = served.ClientWith(served.Key);
        using var content = new ByteArrayContent(new byte[(4 * 1024 * 1024) + 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        (await ProblemAsync(response)).Dispose();
        Assert.Equal(before, ArticleCount());
    }

    [Fact]
    public async Task A_posted_record_is_committed_with_its_story_before_the_answer_and_shows_in_that_story()
    {
        using var client = served.ClientWith(served.Key);
        using var created = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), Record("Banjir Lamaru mulai surut, warga kembali ke rumah"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var answer = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        var article = answer.RootElement.GetProperty("documents")[0].GetProperty("articles")[0];
        var (id, story) = (article.GetProperty("id").GetString()!, article.GetProperty("story").GetString()!);

        // Stored when answered: another reader (the store on disk) sees it without waiting.
        using (var store = SqliteStore.OpenForReading(served.Store))
        {
            Assert.NotNull(await store.GetArticleAsync(id, Ct));
        }
        var storyBody = await served.Client.GetStringAsync(new Uri($"/api/v1/stories/{story}", UriKind.Relative), Ct);
        using var storyJson = JsonDocument.Parse(storyBody);
        Assert.Contains(storyJson.RootElement.GetProperty("articles").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        Assert.Contains("Lamaru", storyJson.RootElement.GetProperty("story").GetProperty("headline").GetString(), StringComparison.Ordinal);

        using var again = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), Record("Banjir Lamaru mulai surut, warga kembali ke rumah"), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct));
        var repeated = second.RootElement.GetProperty("documents")[0].GetProperty("articles")[0];
        Assert.False(repeated.GetProperty("new").GetBoolean());
        Assert.Equal(id, repeated.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_batch_and_a_raw_page_are_ingested_with_one_answer_per_document()
    {
        using var client = served.ClientWith(served.Key);
        var batch = "[" + await Record("Relawan membagikan makanan di Lamaru").ReadAsStringAsync(Ct) + "," + await Record("Sekolah di Lamaru kembali dibuka").ReadAsStringAsync(Ct) + "]";
        using var batchContent = new StringContent(batch, Encoding.UTF8, "application/json");
        using var batchResponse = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), batchContent, Ct);
        Assert.Equal(HttpStatusCode.Created, batchResponse.StatusCode);
        using var batchAnswer = JsonDocument.Parse(await batchResponse.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, batchAnswer.RootElement.GetProperty("documents").GetArrayLength());
        Assert.Equal(2, batchAnswer.RootElement.GetProperty("new").GetInt32());

        var page = "<html><head><title>Jembatan darurat dibangun di Lamaru</title></head><body><article><h1>Jembatan darurat dibangun di Lamaru</h1>"
            + "<p>Lamaru - Tentara membangun jembatan darurat di atas Sungai Lamaru setelah banjir merusak jembatan utama pada pekan lalu.</p>"
            + "<p>Jembatan itu ditargetkan selesai dalam tiga hari, kata komandan setempat kepada wartawan di Lamaru.</p></article></body></html>";
        using var pageContent = new StringContent(page, Encoding.UTF8, "text/html");
        using var pageResponse = await client.PostAsync(new Uri("/api/v1/articles?source=https://contoh.id/jembatan-lamaru", UriKind.Relative), pageContent, Ct);
        Assert.Equal(HttpStatusCode.Created, pageResponse.StatusCode);
        using var pageAnswer = JsonDocument.Parse(await pageResponse.Content.ReadAsStringAsync(Ct));
        var document = pageAnswer.RootElement.GetProperty("documents")[0];
        Assert.Equal("https://contoh.id/jembatan-lamaru.html", document.GetProperty("source").GetString());
        Assert.Equal(1, document.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_posts_are_all_stored_when_answered()
    {
        var before = ArticleCount();
        using var client = served.ClientWith(served.Key);
        var posts = Enumerable.Range(0, 16).Select(async i =>
        {
            using var content = Record($"Laporan lapangan nomor {i} dari posko pengungsian Lamaru");
            using var response = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), content, Ct);
            return response.StatusCode;
        }).ToList();
        var statuses = await Task.WhenAll(posts);

        Assert.All(statuses, static s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(before + 16, ArticleCount());
    }
}
