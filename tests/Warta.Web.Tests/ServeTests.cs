using System.Net;
using System.Text.Json;
using Xunit;

namespace Warta.Web.Tests;

public sealed class ServeTests(ServedCorpus served) : IClassFixture<ServedCorpus>
{
    [Fact]
    public async Task Health_says_ok_when_the_store_can_be_read()
    {
        using var response = await served.Client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_stories_endpoint_lists_the_flood_story_of_the_sample_corpus_as_the_cli_does()
    {
        var body = await served.Client.GetStringAsync(new Uri("/api/v1/stories", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(body);
        var headlines = json.RootElement.EnumerateArray().Select(static s => s.GetProperty("headline").GetString()).ToList();
        Assert.Contains(headlines, static h => h is not null && h.Contains("Lamaru", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Beranda_lists_the_stories_in_indonesian()
    {
        var html = await served.Client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Cerita terkini", html, StringComparison.Ordinal);
        Assert.Contains("Lamaru", html, StringComparison.Ordinal);
    }
}
