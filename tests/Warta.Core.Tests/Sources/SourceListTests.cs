using Warta.Core.Sources;
using Xunit;

namespace Warta.Core.Tests.Sources;

public sealed class SourceListTests
{
    [Fact]
    public void A_valid_file_gives_its_sources_with_their_options_and_defaults()
    {
        var list = SourceList.Parse("""
            {
              "userAgent": "WartaBot/1.0 (+https://contoh.id/bot; redaksi@contoh.id)",
              "minHostDelaySeconds": 3,
              "sources": [
                { "name": "antara", "outlet": "antaranews.com", "feeds": ["https://www.antaranews.com/rss/terkini.xml"], "pollMinutes": 10 },
                { "name": "lokal", "sitemaps": ["http://192.168.1.5/sitemap.xml"], "allowPrivate": true, "maxItemsPerPoll": 5, },
              ]
            }
            """, "sources.json");

        Assert.Equal("WartaBot/1.0 (+https://contoh.id/bot; redaksi@contoh.id)", list.UserAgent);
        Assert.Equal(TimeSpan.FromSeconds(3), list.MinHostDelay);
        Assert.Equal(["antara", "lokal"], list.Sources.Select(s => s.Name));
        var antara = list.Sources[0];
        Assert.Equal("antaranews.com", antara.Outlet);
        Assert.Equal(TimeSpan.FromMinutes(10), antara.PollInterval);
        Assert.Equal(new Uri("https://www.antaranews.com/rss/terkini.xml"), Assert.Single(antara.Feeds));
        Assert.False(antara.AllowPrivate);
        var lokal = list.Sources[1];
        Assert.True(lokal.AllowPrivate);
        Assert.False(lokal.AllowLoopback);
        Assert.Equal(5, lokal.MaxItemsPerPoll);
        Assert.Equal(TimeSpan.FromMinutes(15), lokal.PollInterval);
        Assert.Single(lokal.Documents);
    }

    [Theory]
    [InlineData("""{ "sources": [ { "name": "a", "feeds": ["ftp://contoh.id/rss"] } ] }""", "sources.json: sources[0] (\"a\"): feeds[0] \"ftp://contoh.id/rss\" is not an absolute http or https URL")]
    [InlineData("""{ "sources": [ { "name": "a" } ] }""", "sources.json: sources[0] (\"a\"): no \"feeds\" or \"sitemaps\" to poll")]
    [InlineData("""{ "sources": [ { "feeds": ["https://contoh.id/rss"] } ] }""", "sources.json: sources[0]: \"name\" is missing")]
    [InlineData("""{ "sources": [ { "name": "a", "feeds": ["https://contoh.id/rss"] }, { "name": "a", "feeds": ["https://contoh.id/rss"] } ] }""", "sources.json: sources[1]: the name \"a\" is used twice")]
    [InlineData("""{ "sources": [ { "name": "a", "feed": ["https://contoh.id/rss"] } ] }""", "sources.json: sources[0] (\"a\"): unknown key \"feed\"")]
    [InlineData("""{ "sources": [ { "name": "a", "feeds": ["https://contoh.id/rss"], "pollMinutes": -1 } ] }""", "sources.json: sources[0] (\"a\"): \"pollMinutes\" must be a number")]
    [InlineData("""{ "sources": [ { "name": "a", "feeds": ["https://contoh.id/rss"], "allowLoopback": "ya" } ] }""", "sources.json: sources[0] (\"a\"): \"allowLoopback\" must be true or false")]
    [InlineData("""{ "sources": [ { "name": "a", "feeds": ["https://contoh.id/rss"], "pollMinutes": 1, "minPollMinutes": 5 } ] }""", "sources.json: sources[0] (\"a\"): expected minPollMinutes ≤ pollMinutes ≤ maxPollMinutes")]
    [InlineData("""{ "source": [] }""", "sources.json: the file: unknown key \"source\"")]
    [InlineData("""{ "sources": [ """, "sources.json: not valid JSON at line")]
    public void An_invalid_file_is_refused_with_a_message_naming_the_file_and_the_entry(string json, string expected)
    {
        var error = Assert.Throws<SourceListException>(() => SourceList.Parse(json, "sources.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_indonesian_sample_is_valid_and_lists_the_big_outlets()
    {
        var path = Path.Combine(Warta.Testing.RepoPaths.Root, "samples", "sources.id.json");

        var list = SourceList.Parse(File.ReadAllText(path), path);

        Assert.True(list.Sources.Count >= 10, $"{list.Sources.Count} sources");
        foreach (var name in new[] { "antara", "kompas", "detik", "tempo", "cnnindonesia", "tirto", "republika", "okezone", "suara" })
        {
            Assert.Contains(list.Sources, s => s.Name == name);
        }
        Assert.All(list.Sources, s => Assert.False(s.AllowLoopback || s.AllowPrivate));
    }
}
