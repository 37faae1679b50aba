using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Warta.Web.Browser.Tests;

/// <summary>An editor in real chromium: signs in with an API key, merges two stories through the story page and splits one, and the story lists the corrections with the key's name.</summary>
public sealed class CorrectionPagesTests(ServedApp served)
{
    public static TheoryData<string, int, int> Sizes => ServedApp.Sizes;

    /// <summary>Two articles per size, on subjects the sample corpus does not have, so each becomes a story of its own and no other test's story changes.</summary>
    private static readonly Dictionary<string, (string Title, string Text)[]> Articles = new(StringComparer.Ordinal)
    {
        ["desktop"] =
        [
            ("Festival layang-layang Pantai Padang Galak diikuti 400 peserta", "Denpasar - Festival layang-layang tahunan di Pantai Padang Galak diikuti 400 peserta dari sebelas banjar. Layang-layang raksasa berbentuk naga menjadi tontonan warga."),
            ("Harga cabai rawit di Pasar Induk Kramat Jati naik dua kali lipat", "Jakarta - Harga cabai rawit merah di Pasar Induk Kramat Jati naik menjadi Rp90.000 per kilogram. Pedagang menyebut pasokan dari Jawa Tengah berkurang karena hujan."),
        ],
        ["phone"] =
        [
            ("Lomba perahu naga di Sungai Kapuas ramai penonton", "Pontianak - Lomba perahu naga di Sungai Kapuas diikuti 24 tim dayung. Ribuan penonton memadati tepian sungai sejak pagi."),
            ("Petani garam Sumenep panen lebih awal karena kemarau panjang", "Sumenep - Petani garam di Kalianget memanen lebih awal karena kemarau panjang. Produksi garam rakyat diperkirakan naik tiga puluh persen."),
        ],
    };

    /// <summary>Posts an article through the API with the editor's key; its story's id.</summary>
    private async Task<string> PostAsync(string title, string text)
    {
        using var client = new HttpClient { BaseAddress = served.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", served.EditorKey);
        var record = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["title"] = title,
            ["text"] = text,
            ["outlet"] = "berita-uji.id",
            ["published"] = "2025-03-10T08:00:00+07:00",
        });
        using var content = new StringContent(record, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/articles", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/articles answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("documents")[0].GetProperty("articles")[0].GetProperty("story").GetString()!;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task An_editor_signs_in_merges_two_stories_and_splits_one_and_the_story_lists_both_corrections_by_key_name(string size, int width, int height)
    {
        Assert.SkipWhen(served.Missing is not null, served.Missing ?? "");
        var posted = Articles[size];
        var kept = await PostAsync(posted[0].Title, posted[0].Text);
        var merged = await PostAsync(posted[1].Title, posted[1].Text);
        Assert.NotEqual(kept, merged);

        // Without a key the story page offers a sign-in link instead of the forms.
        var page = await served.OpenAsync(width, height, "/stories/" + merged);
        Assert.Equal(0, await page.Locator("form.merge-form").CountAsync());
        await page.ClickAsync(".sign-in-note a");
        await page.Locator("#key").WaitForAsync();
        await page.FillAsync("#key", served.EditorKey);
        await page.ClickAsync(".sign-in-form button[type=submit]");
        // Back on the story (the sign-in page returns there), now with the forms.
        await page.Locator("form.merge-form").WaitForAsync();
        Assert.Contains(ServedApp.EditorName, await page.InnerTextAsync(".corrections"), StringComparison.Ordinal);

        await page.FillAsync("#merge-into", kept);
        await page.ClickAsync("form.merge-form button[type=submit]");
        await page.Locator("li.correction[data-kind=merge]").WaitForAsync();
        Assert.EndsWith("/stories/" + kept, page.Url, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator(".article-list > li").CountAsync());

        // The merged story's URL leads to the story it joined.
        await page.GotoAsync("/stories/" + merged);
        await page.Locator("li.correction[data-kind=merge]").WaitForAsync();
        Assert.EndsWith("/stories/" + kept, page.Url, StringComparison.Ordinal);

        // Split the second article off again: tick it, then the split button.
        var checkbox = page.Locator(".article-list > li", new PageLocatorOptions { HasText = posted[1].Title }).Locator("input[type=checkbox]");
        await checkbox.CheckAsync();
        await page.ClickAsync("#split-form button[type=submit]");
        await page.Locator("li.correction[data-kind=split]").WaitForAsync();
        Assert.Equal(1, await page.Locator(".article-list > li").CountAsync());
        var by = await page.Locator("li.correction .by").AllInnerTextsAsync();
        Assert.Equal([ServedApp.EditorName, ServedApp.EditorName], by);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"the story page with the forms is wider than the {size} viewport");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ServedApp.Screenshots, $"corrections-{size}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
