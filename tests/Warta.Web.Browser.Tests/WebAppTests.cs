using Microsoft.Playwright;
using Xunit;

namespace Warta.Web.Browser.Tests;

/// <summary>The web app in real chromium at desktop and phone sizes, on the sample corpus served by <c>warta serve</c>.</summary>
public sealed class WebAppTests(ServedApp served)
{
    public static TheoryData<string, int, int> Sizes => ServedApp.Sizes;

    private Task<IPage> OpenAsync(int width, int height, string path) => served.OpenAsync(width, height, path);

    /// <summary>Whether the page is laid out within the viewport's width (no sideways scrolling on a phone).</summary>
    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Beranda_opens_a_story_whose_brief_citation_leads_to_its_article(string size, int width, int height)
    {
        var page = await OpenAsync(width, height, "/");
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Cerita terkini", await page.InnerTextAsync("h1"));
        Assert.True(await page.Locator(".story-card").CountAsync() >= 5);
        Assert.True(await FitsAsync(page), "Beranda is wider than the viewport");
        // The stylesheet `warta serve` sends from its assembly is applied, and nothing of the page breaks its own CSP.
        Assert.Equal("flex", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.top')).display"));
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (refused) refused.Add(message.Text);
        };
        await page.ReloadAsync();
        await page.Locator("main h1").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ServedApp.Screenshots, $"home-{size}.png"), FullPage = true });

        var lamaru = page.Locator(".story-card h2 a", new PageLocatorOptions { HasText = "Sungai Lamaru Meluap" });
        await lamaru.ClickAsync();
        // Each step waits for an element of the page it leads to (not for the URL: on a loaded machine a URL wait can miss a navigation that already finished).
        await page.Locator("article.story h1").WaitForAsync();
        Assert.Contains("/stories/s-", page.Url, StringComparison.Ordinal);
        Assert.Contains("Sungai Lamaru Meluap", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.True(await page.Locator(".brief li").CountAsync() > 0);
        Assert.True(await page.Locator("svg.chart rect").CountAsync() > 0);
        Assert.True(await FitsAsync(page), "the story page is wider than the viewport");
        Assert.Empty(refused);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ServedApp.Screenshots, $"story-{size}.png"), FullPage = true });

        var citation = page.Locator(".brief a.cite").First;
        var href = await citation.GetAttributeAsync("href");
        Assert.StartsWith("/articles/", href, StringComparison.Ordinal);
        await citation.ClickAsync();
        await page.Locator("table.metadata").WaitForAsync();
        Assert.EndsWith(href!, page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator(".body span.ent").CountAsync() > 0);
        Assert.True(await FitsAsync(page), "the article page is wider than the viewport");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Searching_from_the_header_shows_hits_with_the_words_marked_and_a_chart(string size, int width, int height)
    {
        var page = await OpenAsync(width, height, "/");
        await page.FillAsync("#top-q", "banjir tanggul");
        await page.PressAsync("#top-q", "Enter");
        // Waiting for the hits rather than the URL: the navigation may have finished before a URL wait starts.
        await page.Locator("li.hit").First.WaitForAsync();
        Assert.Contains("/search?q=banjir+tanggul", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("li.hit mark").CountAsync() > 0);
        Assert.True(await page.Locator(".per-day svg.chart rect").CountAsync() > 0);
        Assert.True(await FitsAsync(page), $"the search page is wider than the {size} viewport");

        await page.FillAsync("#q", "\"tanggul jebol");
        await page.ClickAsync(".search-form button[type=submit]");
        await page.WaitForSelectorAsync(".error");
        Assert.Contains("kolom 1", await page.InnerTextAsync(".error"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Switching_the_language_changes_the_interface_and_is_remembered(string size, int width, int height)
    {
        var page = await OpenAsync(width, height, "/search?q=banjir");
        await page.ClickAsync("nav.lang a[hreflang=en]");
        await page.Locator("html[lang=en]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.EndsWith("/search?q=banjir", page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Search", await page.InnerTextAsync("h1"));
        await page.GotoAsync("/");
        Assert.Equal("Stories developing now", await page.InnerTextAsync("h1"));
        await page.ClickAsync("nav.lang a[hreflang=id]");
        await page.Locator("html[lang=id]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal("Cerita terkini", await page.InnerTextAsync("h1"));
        Assert.True(await FitsAsync(page), $"Beranda in English is wider than the {size} viewport");
        await page.Context.CloseAsync();
    }
}
