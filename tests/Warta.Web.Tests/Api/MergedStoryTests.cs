using System.Net;
using Microsoft.AspNetCore.TestHost;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;
using Xunit;

namespace Warta.Web.Tests.Api;

/// <summary>A story merged into another: its URLs answer 308 to the same URL of the story it joined.</summary>
public sealed class MergedStoryTests(MergedStoryTests.MergedServer served) : IClassFixture<MergedStoryTests.MergedServer>
{
    public sealed class MergedServer : ServedApi
    {
        protected override void Prepare(SqliteStore store)
        {
            var published = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
            Article Make(string id, string title) => new()
            {
                Id = id,
                Title = title,
                Outlet = "contoh.id",
                Paragraphs = [title + "."],
                Source = id + ".txt",
                Published = new PublicationTime(published, TimePrecision.Minute),
            };
            store.CommitAsync(new PlacementBatch(
                [Make("m1", "Longsor di Lereng Merapi"), Make("m2", "Longsor Merapi Tutup Jalan")],
                [new("m1", "s-mfrom", null, 0), new("m2", "s-minto", null, 0)],
                [new("s-mfrom", "Longsor di Lereng Merapi", 1, ["contoh.id"], published, published), new("s-minto", "Longsor Merapi Tutup Jalan", 1, ["contoh.id"], published, published)],
                [new StoryMerge("s-mfrom", "s-minto", "m2", 0.5)])).GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task A_merged_story_s_url_answers_308_to_the_story_it_joined()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = served.App.GetTestClient();
        using var story = await client.GetAsync(new Uri("/api/v1/stories/s-mfrom?since=2025-01-01", UriKind.Relative), ct);
        using var articles = await client.GetAsync(new Uri("/api/v1/stories/s-mfrom/articles", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.PermanentRedirect, story.StatusCode);
        Assert.Equal("/api/v1/stories/s-minto?since=2025-01-01", story.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.PermanentRedirect, articles.StatusCode);
        Assert.Equal("/api/v1/stories/s-minto/articles", articles.Headers.Location?.OriginalString);
    }
}
