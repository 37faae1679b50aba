using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Core.Stories;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary><c>/api/v1/stories</c>: the stories as <c>warta stories --json</c> prints them, from the same Core query.</summary>
internal static class StoriesEndpoints
{
    public static RouteGroupBuilder MapStories(this RouteGroupBuilder api)
    {
        api.MapGet("/stories", static async (StoreOpener opener, CancellationToken cancellationToken) =>
        {
            using var store = opener.OpenForReading();
            var stories = await new StoryQueries(store, store).TimelineAsync(cancellationToken).ConfigureAwait(false);
            return Results.Text(ReadJson.Serialize([.. stories.Select(StorySummaryJson.From)]), "application/json");
        });
        return api;
    }
}
