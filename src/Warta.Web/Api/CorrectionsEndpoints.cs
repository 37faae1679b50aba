using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Core.Stories;
using Warta.Core.Stories.Corrections;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary>Editors' corrections under <c>/api/v1</c>: merge, split and move (writes, with a key; the key's name is recorded as who), and a story's corrections.</summary>
/// <remarks>
/// Each write goes to the process's one writer (<see cref="IStoryCorrections"/>) and answers the correction as recorded,
/// in the shape <c>warta story --json</c> lists it. Refusals are <c>application/problem+json</c>: an unknown story or
/// article 404; a malformed body, a story merged into itself, a split of all or none of a story's articles 400.
/// </remarks>
internal static class CorrectionsEndpoints
{
    public static RouteGroupBuilder MapCorrections(this RouteGroupBuilder api)
    {
        api.MapPost("/stories/{id}/merge", static async (string id, HttpRequest request, IStoryCorrections corrections, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var into = await ReadAsync(request, "into", static e => e.ValueKind == JsonValueKind.String ? e.GetString() : null, cancellationToken).ConfigureAwait(false);
            if (into is null) return BadBody("a JSON object with \"into\": the id of the story to merge into");
            return await CorrectAsync(() => corrections.MergeAsync(id, into, Who(user), cancellationToken)).ConfigureAwait(false);
        }).RequireAuthorization(ApiPolicies.Write);

        api.MapPost("/stories/{id}/split", static async (string id, HttpRequest request, IStoryCorrections corrections, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var articles = await ReadAsync(request, "articles", Strings, cancellationToken).ConfigureAwait(false);
            if (articles is null) return BadBody("a JSON object with \"articles\": an array of the ids of the articles that go to a new story");
            return await CorrectAsync(() => corrections.SplitAsync(id, articles, Who(user), cancellationToken)).ConfigureAwait(false);
        }).RequireAuthorization(ApiPolicies.Write);

        api.MapPost("/articles/{id}/move", static async (string id, HttpRequest request, IStoryCorrections corrections, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var story = await ReadAsync(request, "story", static e => e.ValueKind == JsonValueKind.String ? e.GetString() : null, cancellationToken).ConfigureAwait(false);
            if (story is null) return BadBody("a JSON object with \"story\": the id of the story the article goes to");
            return await CorrectAsync(() => corrections.MoveAsync(id, story, Who(user), cancellationToken)).ConfigureAwait(false);
        }).RequireAuthorization(ApiPolicies.Write);

        api.MapGet("/stories/{id}/corrections", static async (string id, ReadStorePool stores, CancellationToken cancellationToken) =>
        {
            using var lease = stores.Rent();
            var store = lease.Store;
            var found = await new StoryQueries(store, store).ResolveAsync(id, cancellationToken).ConfigureAwait(false);
            if (found.Value is not { } story)
            {
                return found.Kind == IdResolutionKind.Ambiguous
                    ? Results.Problem($"'{id}' names several stories: {string.Join(", ", found.Candidates)}", statusCode: StatusCodes.Status400BadRequest, title: "Ambiguous story id")
                    : Results.Problem($"no story with id or id prefix '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Story not found");
            }
            var corrections = await store.ListCorrectionsAsync(story.Id, cancellationToken).ConfigureAwait(false);
            return Results.Text(ReadJson.Serialize([.. corrections.Select(StoryCorrectionJson.From)]), "application/json");
        }).RequireAuthorization(ApiPolicies.Read);
        return api;
    }

    /// <summary>The user's name as the authentication gave it (an API key's name).</summary>
    private static string Who(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } name ? name : "unknown";

    private static async Task<IResult> CorrectAsync(Func<Task<StoryCorrection>> correct)
    {
        try
        {
            var correction = await correct().ConfigureAwait(false);
            return Results.Text(ReadJson.Serialize(StoryCorrectionJson.From(correction)), "application/json");
        }
        catch (StoryCorrectionException ex) when (ex.Error == StoryCorrectionError.NotFound)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (StoryCorrectionException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Correction refused");
        }
    }

    private static IResult BadBody(string expected) =>
        Results.Problem($"the body must be {expected}", statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body");

    /// <summary>The value of <paramref name="property"/> in the JSON object the body holds, or null when the body is not such an object or the value does not read.</summary>
    private static async Task<T?> ReadAsync<T>(HttpRequest request, string property, Func<JsonElement, T?> read, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty(property, out var value) ? read(value) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string>? Strings(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array) return null;
        var strings = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return null;
            strings.Add(item.GetString()!);
        }
        return strings;
    }
}
