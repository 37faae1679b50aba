using Warta.Testing;
using Xunit;

namespace Warta.Web.Browser.Tests;

/// <summary>An article whose title, body and URL hold script and markup, shown by real chromium: nothing of it runs (its own class, so it runs beside the other browser tests).</summary>
public sealed class HostileContentTests(ServedApp served)
{
    public static TheoryData<string, int, int> Sizes => ServedApp.Sizes;

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_hostile_article_executes_nothing_wherever_it_is_shown(string size, int width, int height)
    {
        var page = await served.OpenAsync(width, height, "/");
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            await dialog.DismissAsync();
        };
        async Task AssertInertAsync(string where)
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), $"a script of the hostile article ran on {where}");
            Assert.NotEqual(HostileArticle.PwnedTitle, await page.TitleAsync());
            Assert.Equal(0, await page.Locator("main iframe, main script, main img, main svg[onload]").CountAsync());
        }

        await page.GotoAsync("/search?q=" + HostileArticle.Marker);
        await page.Locator("li.hit a").First.ClickAsync();
        await page.Locator("article.article h1").WaitForAsync();
        Assert.Contains("/articles/", page.Url, StringComparison.Ordinal);
        // Shown as text: the title's markup is visible characters.
        Assert.Contains("<script>window.__pwned=1", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("a[href^='javascript:']").CountAsync());
        await AssertInertAsync($"the article page ({size})");

        await page.ClickAsync(".in-story a");
        await page.Locator("article.story h1").WaitForAsync();
        await AssertInertAsync($"its story page ({size})");

        await page.GotoAsync("/search?q=" + HostileArticle.Marker);
        await AssertInertAsync($"the search page ({size})");
        Assert.Equal(0, dialogs);
        await page.Context.CloseAsync();
    }
}
