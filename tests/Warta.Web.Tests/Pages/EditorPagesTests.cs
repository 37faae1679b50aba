using System.Net;
using Microsoft.AspNetCore.TestHost;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Storage.Sqlite;
using Warta.Web.Tests.Api;
using Xunit;

namespace Warta.Web.Tests.Pages;

/// <summary>Editors on the web pages: signing in with an API key, and merge, split and move through the story page's forms (antiforgery token, the key's name as who).</summary>
public sealed class EditorPagesTests(EditorPagesTests.EditorServer served) : IClassFixture<EditorPagesTests.EditorServer>
{
    /// <summary>Key lookups are not cached, so a key revoked while the server runs is refused at once.</summary>
    public sealed class EditorServer : ServedApi
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Api:KeyCacheSeconds", "0")];
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FormBrowser Browser() => new(served.App.GetTestClient());

    /// <summary>Signs in with <paramref name="key"/> through the sign-in page's form.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(FormBrowser browser, string key, string returnUrl = "/")
    {
        var (_, form) = await browser.GetAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var (response, _) = await browser.PostAsync("/signin", ("__RequestVerificationToken", FormBrowser.TokenOf(form)), ("key", key), ("returnUrl", returnUrl));
        return response;
    }

    /// <summary>Current stories of at least <paramref name="articles"/> articles, by id.</summary>
    private async Task<List<string>> StoriesAsync(int articles = 1)
    {
        using var store = SqliteStore.OpenForReading(served.Store);
        var current = await new StoryQueries(store, store).CurrentAsync(Cancel);
        return [.. current.Where(s => s.ArticleCount >= articles).OrderBy(static s => s.Id, StringComparer.Ordinal).Select(static s => s.Id)];
    }

    private async Task<int> CorrectionCountAsync()
    {
        using var store = SqliteStore.OpenForReading(served.Store);
        var count = 0;
        foreach (var story in (await store.ListStoriesAsync(PageRequest.All, Cancel)).Items) count += (await store.ListCorrectionsAsync(story.Id, Cancel)).Count;
        return count;
    }

    [Fact]
    public async Task Signing_in_keeps_the_key_in_an_httponly_samesite_strict_cookie_and_the_story_page_then_shows_the_correction_forms()
    {
        var browser = Browser();
        var story = (await StoriesAsync())[0];
        var (before, anonymous) = await browser.GetAsync("/stories/" + story);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.DoesNotContain("merge-form", anonymous, StringComparison.Ordinal);
        Assert.Contains("href=\"/signin?returnUrl=", anonymous, StringComparison.Ordinal);

        using var signedIn = await SignInAsync(browser, served.Key, "/stories/" + story);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/stories/" + story, signedIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(browser.LastSetCookies, static c => c.StartsWith("warta-editor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // The key is protected, never readable in the cookie.
        Assert.DoesNotContain(served.Key, cookie, StringComparison.Ordinal);
        var (after, html) = await browser.GetAsync("/stories/" + story);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("merge-form", html, StringComparison.Ordinal);
        Assert.Contains("split-form", html, StringComparison.Ordinal);
        Assert.Contains("move-form", html, StringComparison.Ordinal);
        Assert.Contains(ServedApi.KeyName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_or_revoked_key_is_refused_at_sign_in_and_sets_no_cookie()
    {
        foreach (var key in new[] { "not-a-key-this-server-knows", served.RevokedKey })
        {
            var browser = Browser();
            using var refused = await SignInAsync(browser, key);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.False(browser.HasCookie("warta-editor"));
        }
    }

    [Fact]
    public async Task Signing_out_deletes_the_cookie_and_the_forms_are_gone()
    {
        var browser = Browser();
        var story = (await StoriesAsync())[0];
        using var signedIn = await SignInAsync(browser, served.Key);
        Assert.True(browser.HasCookie("warta-editor"));
        var (_, page) = await browser.GetAsync("/signin");

        var (signedOut, _) = await browser.PostAsync("/signin?handler=SignOut", ("__RequestVerificationToken", FormBrowser.TokenOf(page)));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.False(browser.HasCookie("warta-editor"));
        var (_, html) = await browser.GetAsync("/stories/" + story);
        Assert.DoesNotContain("merge-form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_posted_without_a_sign_in_goes_to_the_sign_in_page_and_changes_nothing()
    {
        var browser = Browser();
        var stories = await StoriesAsync();
        var (_, story) = await browser.GetAsync("/stories/" + stories[0]);
        Assert.DoesNotContain("merge-form", story, StringComparison.Ordinal);
        // A valid token (the story page has no form for a browser without a key; the sign-in page's token serves the site).
        var (_, html) = await browser.GetAsync("/signin");
        var corrections = await CorrectionCountAsync();

        var (response, _) = await browser.PostAsync($"/stories/{stories[0]}?handler=Merge", ("__RequestVerificationToken", FormBrowser.TokenOf(html)), ("into", stories[1]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(corrections, await CorrectionCountAsync());
    }

    [Fact]
    public async Task A_merge_posted_without_the_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        var browser = Browser();
        var stories = await StoriesAsync();
        using var signedIn = await SignInAsync(browser, served.Key);
        var (_, html) = await browser.GetAsync("/stories/" + stories[0]);
        Assert.Contains("merge-form", html, StringComparison.Ordinal);
        var corrections = await CorrectionCountAsync();

        var (missing, _) = await browser.PostAsync($"/stories/{stories[0]}?handler=Merge", ("into", stories[1]));
        var (forged, _) = await browser.PostAsync($"/stories/{stories[0]}?handler=Merge", ("__RequestVerificationToken", "CfDJ8forged"), ("into", stories[1]));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(corrections, await CorrectionCountAsync());
    }

    [Fact]
    public async Task A_key_revoked_after_signing_in_is_refused_with_403_and_the_page_says_so()
    {
        var night = ApiKeySecret.Create();
        using (var store = new SqliteStore(served.Store))
        {
            await store.AddApiKeyAsync(new ApiKey("night-desk", ApiKeySecret.Hash(night), DateTimeOffset.UtcNow, null), Cancel);
        }
        var browser = Browser();
        var stories = await StoriesAsync();
        using var signedIn = await SignInAsync(browser, night);
        Assert.True(browser.HasCookie("warta-editor"));
        var (_, html) = await browser.GetAsync("/stories/" + stories[0]);
        var token = FormBrowser.TokenOf(html);
        using (var store = new SqliteStore(served.Store))
        {
            Assert.True(await store.RevokeApiKeyAsync("night-desk", DateTimeOffset.UtcNow, Cancel));
        }
        var corrections = await CorrectionCountAsync();

        var (refused, page) = await browser.PostAsync($"/stories/{stories[0]}?handler=Merge", ("__RequestVerificationToken", token), ("into", stories[1]));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("night-desk", page, StringComparison.Ordinal);
        Assert.DoesNotContain("merge-form", page, StringComparison.Ordinal);
        Assert.Equal(corrections, await CorrectionCountAsync());
    }

    [Fact]
    public async Task The_sign_in_cookie_does_not_authenticate_api_writes()
    {
        var browser = Browser();
        var stories = await StoriesAsync();
        using var signedIn = await SignInAsync(browser, served.Key);
        Assert.True(browser.HasCookie("warta-editor"));

        var (response, _) = await browser.PostAsync($"/api/v1/stories/{stories[0]}/merge", ("into", stories[1]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_editor_merges_splits_and_moves_through_the_story_page_and_its_corrections_list_names_the_key()
    {
        var browser = Browser();
        var stories = await StoriesAsync(articles: 2);
        Assert.True(stories.Count >= 3, "the sample corpus has three stories of two articles or more");
        var (from, into, other) = (stories[0], stories[1], stories[2]);
        using var signedIn = await SignInAsync(browser, served.Key);

        // Merge: from its page, into another story; the answer sends the browser to the story it joined.
        var (_, fromPage) = await browser.GetAsync("/stories/" + from);
        var (merged, _) = await browser.PostAsync($"/stories/{from}?handler=Merge", ("__RequestVerificationToken", FormBrowser.TokenOf(fromPage)), ("into", into));
        Assert.Equal(HttpStatusCode.SeeOther, merged.StatusCode);
        Assert.Equal("/stories/" + into, merged.Headers.Location?.OriginalString);
        var (oldUrl, _) = await browser.GetAsync("/stories/" + from);
        Assert.Equal(HttpStatusCode.Redirect, oldUrl.StatusCode);
        Assert.Equal("/stories/" + into, oldUrl.Headers.Location?.OriginalString);

        // Split: tick two of the joined story's articles.
        var (_, intoPage) = await browser.GetAsync("/stories/" + into);
        Assert.Contains("data-kind=\"merge\"", intoPage, StringComparison.Ordinal);
        List<string> articles;
        using (var store = SqliteStore.OpenForReading(served.Store))
        {
            articles = [.. (await new StoryQueries(store, store).GetArticlesAsync(into, Cancel))!.Select(static a => a.Article.Id)];
        }
        Assert.True(articles.Count >= 4);
        var (split, _) = await browser.PostAsync($"/stories/{into}?handler=Split",
            ("__RequestVerificationToken", FormBrowser.TokenOf(intoPage)), ("articles", articles[0]), ("articles", articles[1]));
        Assert.Equal(HttpStatusCode.SeeOther, split.StatusCode);

        // Move: one of the rest to the third story.
        var (_, afterSplit) = await browser.GetAsync("/stories/" + into);
        var (moved, _) = await browser.PostAsync($"/stories/{into}?handler=Move",
            ("__RequestVerificationToken", FormBrowser.TokenOf(afterSplit)), ("article", articles[^1]), ("to", other));
        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);

        var (_, final) = await browser.GetAsync("/stories/" + into);
        var listed = final[final.IndexOf("class=\"correction-list\"", StringComparison.Ordinal)..];
        Assert.Contains("data-kind=\"merge\"", listed, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"split\"", listed, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"move\"", listed, StringComparison.Ordinal);
        Assert.Equal(3, listed.Split("<span class=\"by\">" + ServedApi.KeyName + "</span>").Length - 1);
        using (var store = SqliteStore.OpenForReading(served.Store))
        {
            Assert.Equal(other, (await store.GetAssignmentAsync(articles[^1], Cancel))?.StoryId);
            var recorded = await store.ListCorrectionsAsync(into, Cancel);
            Assert.Equal(3, recorded.Count);
            Assert.All(recorded, static c => Assert.Equal(ServedApi.KeyName, c.By));
        }
    }

    [Fact]
    public async Task A_refused_correction_shows_the_reason_on_the_page_with_400()
    {
        var browser = Browser();
        var story = (await StoriesAsync())[^1];
        using var signedIn = await SignInAsync(browser, served.Key);
        var (_, html) = await browser.GetAsync("/stories/" + story);

        var (refused, page) = await browser.PostAsync($"/stories/{story}?handler=Merge", ("__RequestVerificationToken", FormBrowser.TokenOf(html)), ("into", story));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Koreksi ditolak", page, StringComparison.Ordinal);
    }
}
