using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Hosting;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Web.Tests.Pages;

/// <summary>The sample corpus plus a hostile article, with the stand-alone English coffee report merged by an editor into the Sayurloka story, served in-process by the app <c>warta serve</c> runs.</summary>
public sealed class PagesCorpus : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public string Store => _folder.File("warta.db");

    public TestServer Server { get; private set; } = null!;

    /// <summary>The story the English coffee report started, merged into <see cref="MergedInto"/>.</summary>
    public string MergedStory { get; private set; } = "";

    public string MergedInto { get; private set; } = "";

    public string HostileArticleId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await CorpusStore.IngestAsync(Store, _folder.Path, new RawDocument(HostileArticle.FileName, HostileArticle.Jsonl()));
        using (var store = new SqliteStore(Store))
        {
            var stories = (await store.ListStoriesAsync(PageRequest.All)).Items;
            // The clusterer joins the English Ambalang wire report to its Indonesian story itself; the stand-alone English
            // report is the one story left to merge.
            var coffee = stories.Single(static s => s.Headline.Contains("Coffee growers", StringComparison.Ordinal));
            var sayurloka = stories.Where(static s => s.Headline.Contains("Sayurloka", StringComparison.Ordinal)).MaxBy(static s => s.ArticleCount)!;
            var coffeeArticle = (await store.GetAssignmentsAsync(coffee.Id))[0].ArticleId;
            await store.CommitAsync(new PlacementBatch([], [], [], [new StoryMerge(coffee.Id, sayurloka.Id, coffeeArticle, 0.5)]));
            (MergedStory, MergedInto) = (coffee.Id, sayurloka.Id);
            HostileArticleId = (await store.ListArticlesAsync(PageRequest.All)).Items.Single(static a => a.Title == HostileArticle.Title).Id;
        }
        var builder = WartaWebApp.CreateBuilder(new ServeOptions(), [new(nameof(WartaOptions.Store), Store)], _folder.Path);
        builder.WebHost.UseTestServer();
        _app = WartaWebApp.Build(builder);
        await _app.StartAsync();
        Server = _app.GetTestServer();
    }

    /// <summary>A client that does not follow redirects and sends <paramref name="cookie"/> (a Cookie header value) with every request.</summary>
    public HttpClient Client(string? cookie = null)
    {
        var client = Server.CreateClient();
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _folder.Dispose();
    }
}
