using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Warta.Core.Ingestion;
using Warta.Core.Storage;
using Warta.Hosting;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;
using TestStores = Warta.Web.Tests.Alerts.AlertStores;

namespace Warta.Web.Tests.Pages;

/// <summary>A followed page its outlet edited and then withdrew: the story page, the article pages and the API show the latest revision with the earlier one folded under it, and the withdrawal.</summary>
public sealed class FollowedPagesTests : IAsyncLifetime
{
    private const string Key = "https://kabarnusa.test/berita/sungai-lamaru-meluap";

    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private string _first = "";
    private string _edited = "";
    private string _story = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var store = _folder.File("warta.db");
        var original = File.ReadAllBytes(Path.Combine(SampleCorpus.Folder, "txt/kabarnusa-2025-02-24-banjir-lamaru.txt"));
        // The outlet's correction: 3.400 displaced, not 3.000.
        var edited = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace("Sekitar 3.000 warga", "Sekitar 3.400 warga", StringComparison.Ordinal));
        await TestStores.IngestAsync(store, _folder.Path, [new RawDocument("kabarnusa-banjir-lamaru.txt", original)]);
        await TestStores.IngestAsync(store, _folder.Path, [new RawDocument("kabarnusa-banjir-lamaru-v2.txt", edited)]);
        using (var opened = new SqliteStore(store))
        {
            var articles = (await opened.ListArticlesAsync(PageRequest.All, Ct)).Items.OrderBy(static a => a.Source, StringComparer.Ordinal).ToList();
            (_first, _edited) = (articles[0].Id, articles[1].Id);
            _story = (await opened.GetAssignmentAsync(_edited, Ct))!.StoryId;
            var seen = DateTimeOffset.UtcNow;
            var page = new SeenItem(Key, "kabarnusa", Key, _first, 1, seen, seen);
            await opened.SaveSeenAsync(page, new ArticleRevision(Key, 1, _first, articles[0].Title, seen), Ct);
            await opened.SaveSeenAsync(page with { ArticleId = _edited, Revision = 2 }, new ArticleRevision(Key, 2, _edited, articles[1].Title, seen), Ct);
            await opened.SaveRetractionAsync(new ArticleRetraction(_edited, seen, "Artikel ini telah dicabut"), Ct);
        }
        var builder = WartaWebApp.CreateBuilder(new ServeOptions(), [new(nameof(WartaOptions.Store), store)], _folder.Path);
        builder.WebHost.UseTestServer();
        _app = WartaWebApp.Build(builder);
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<string> GetAsync(string path)
    {
        using var client = _app!.GetTestServer().CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task The_story_page_folds_the_earlier_revision_under_the_latest_and_marks_the_withdrawn_one()
    {
        var html = await GetAsync("/stories/" + _story);

        var list = html[html.IndexOf("class=\"article-list\"", StringComparison.Ordinal)..];
        var latest = list.IndexOf($"href=\"/articles/{_edited}\"", StringComparison.Ordinal);
        var folded = list.IndexOf("<details class=\"copies\">", StringComparison.Ordinal);
        var earlier = list.IndexOf($"href=\"/articles/{_first}\"", StringComparison.Ordinal);
        Assert.True(latest >= 0 && latest < folded && folded < earlier, "the earlier revision should be folded under the latest");
        Assert.Contains("<span class=\"withdrawn\" title=\"Artikel ini telah dicabut\">dicabut</span>", list, StringComparison.Ordinal);
        Assert.Contains("<span class=\"superseded\"> revisi sebelumnya</span>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_pages_say_withdrawn_and_link_an_earlier_revision_to_the_latest()
    {
        var withdrawn = await GetAsync("/articles/" + _edited);
        var earlier = await GetAsync("/articles/" + _first);

        Assert.Contains("<p class=\"withdrawn\">Dicabut oleh media (Artikel ini telah dicabut)", withdrawn, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"superseded\"", withdrawn, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"superseded\">digantikan oleh revisi <a href=\"/articles/{_edited}\">", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"withdrawn\"", earlier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_story_json_carries_superseded_by_and_withdrawn()
    {
        using var story = JsonDocument.Parse(await GetAsync($"/api/v1/stories/{_story}"));

        var articles = story.RootElement.GetProperty("articles").EnumerateArray().ToDictionary(static a => a.GetProperty("id").GetString()!);
        Assert.Equal(_edited, articles[_first].GetProperty("supersededBy").GetString());
        Assert.Equal(JsonValueKind.Null, articles[_first].GetProperty("withdrawn").ValueKind);
        Assert.Equal(JsonValueKind.Null, articles[_edited].GetProperty("supersededBy").ValueKind);
        Assert.Equal("Artikel ini telah dicabut", articles[_edited].GetProperty("withdrawn").GetProperty("reason").GetString());
    }
}
