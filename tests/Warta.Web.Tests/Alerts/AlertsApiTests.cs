using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Warta.Core.Alerts;
using Xunit;

namespace Warta.Web.Tests.Alerts;

public sealed class AlertsApiTests(AlertsApi alerts) : IClassFixture<AlertsApi>
{
    private Warta.Web.Tests.Api.ServedApi Served => alerts.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private async Task<JsonElement> AddAsync(object rule)
    {
        using var client = Served.ClientWith(Served.Key);
        using var response = await client.PostAsync(new Uri("/api/v1/alerts", UriKind.Relative), Json(rule), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Fact]
    public async Task Adding_and_removing_a_rule_needs_a_key_and_the_list_never_shows_a_secret()
    {
        using var anonymous = await Served.Client.PostAsync(new Uri("/api/v1/alerts", UriKind.Relative), Json(new { kind = "query", query = "banjir" }), Ct);
        var added = await AddAsync(new { kind = "story-outlets", outlets = 3, within = "12h", webhook = "https://hooks.example/warta", name = "tiga media" });
        var id = added.GetProperty("id").GetString()!;
        var listed = await Served.Client.GetStringAsync(new Uri("/api/v1/alerts", UriKind.Relative), Ct);
        using var removeAnonymous = await Served.Client.DeleteAsync(new Uri($"/api/v1/alerts/{id}", UriKind.Relative), Ct);
        using var writer = Served.ClientWith(Served.Key);
        using var removed = await writer.DeleteAsync(new Uri($"/api/v1/alerts/{id}", UriKind.Relative), Ct);
        using var again = await writer.DeleteAsync(new Uri($"/api/v1/alerts/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(64, added.GetProperty("secret").GetString()!.Length);
        Assert.Equal("12h", added.GetProperty("within").GetString());
        var rule = Assert.Single(JsonDocument.Parse(listed).RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.True(rule.GetProperty("hasSecret").GetBoolean());
        Assert.False(rule.TryGetProperty("secret", out _));
        Assert.DoesNotContain(added.GetProperty("secret").GetString()!, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, removeAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("{\"kind\": \"query\"}", "a query rule needs a query")]
    [InlineData("{\"kind\": \"query\", \"query\": \"banjir OR\"}", "the query does not parse")]
    [InlineData("{\"kind\": \"story-outlets\", \"outlets\": 1}", "at least 2 outlets")]
    [InlineData("{\"kind\": \"rate-jump\", \"factor\": 1}", "above 1")]
    [InlineData("{\"kind\": \"outlet-joins\", \"webhook\": \"ftp://x.example/\"}", "not an absolute http or https URL")]
    [InlineData("{\"kind\": \"nothing\"}", "must be one of query, entity")]
    public async Task A_malformed_rule_is_refused_with_400_saying_why(string body, string why)
    {
        using var client = Served.ClientWith(Served.Key);
        using var response = await client.PostAsync(new Uri("/api/v1/alerts", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(why, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_posted_to_the_server_fires_the_rule_into_its_atom_feed_and_the_server_delivers_the_webhook()
    {
        var receiver = alerts.Receiver;
        var added = await AddAsync(new { kind = "query", query = "lumpur banjir Lamaru", webhook = receiver.Url, secret = "rahasia" });
        var id = added.GetProperty("id").GetString()!;
        using var writer = Served.ClientWith(Served.Key);
        var record = new
        {
            title = "Warga Lamaru Kembali Bersihkan Lumpur Sisa Banjir",
            url = "https://lamarupos.id/daerah/2025/03/07/warga-lamaru-bersihkan-lumpur",
            outlet = "lamarupos.id",
            published = "2025-03-07T09:00:00+08:00",
            text = "Lamaru - Banjir yang melanda Kabupaten Lamaru, Kalimantan Selatan, mulai surut pada Jumat pagi. "
                + "Badan Penanggulangan Bencana Daerah Lamaru mencatat ketinggian air Sungai Lamaru turun 40 sentimeter.\n\n"
                + "Warga yang mengungsi mulai kembali ke rumah mereka untuk membersihkan lumpur sisa banjir di Kecamatan Aluh Raya.",
        };
        using (var posted = await writer.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), Json(record), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        // The POST is answered once stored; the rules are evaluated by the alert follower right after the commit.
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? mediaType;
        XDocument feed;
        while (true)
        {
            using var feedResponse = await Served.Client.GetAsync(new Uri($"/api/v1/alerts/{id}/feed.atom", UriKind.Relative), Ct);
            mediaType = feedResponse.Content.Headers.ContentType?.MediaType;
            feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync(Ct));
            if (feed.Root!.Elements(atom + "entry").Any() || DateTime.UtcNow >= deadline) break;
            await Task.Delay(50, Ct);
        }
        while (receiver.Requests.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(50, Ct);

        Assert.Equal("application/atom+xml", mediaType);
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        // Keyed by the page: every revision of it shares the alert.
        Assert.StartsWith($"urn:warta:alert:{id}:page:", entry.Element(atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal(record.title, entry.Element(atom + "title")!.Value);
        Assert.StartsWith("New article matches lumpur banjir Lamaru", entry.Element(atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.Equal(record.url, entry.Element(atom + "link")!.Attribute("href")!.Value);
        var delivered = Assert.Single(receiver.Requests);
        Assert.True(AlertSignature.Verify(delivered.Body, "rahasia", delivered.Signature));
        using var body = JsonDocument.Parse(delivered.Body);
        var alert = body.RootElement.GetProperty("event");
        Assert.Equal(entry.Element(atom + "id")!.Value, "urn:warta:alert:" + delivered.Delivery);
        Assert.Equal("lamarupos.id", alert.GetProperty("article").GetProperty("outlet").GetString());
        Assert.StartsWith("https://warta.example/api/v1/articles/", alert.GetProperty("article").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal($"https://warta.example/api/v1/alerts/{id}/feed.atom", body.RootElement.GetProperty("rule").GetProperty("feed").GetString());
        using var unknown = await Served.Client.GetAsync(new Uri("/api/v1/alerts/r-0000000000/feed.atom", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
