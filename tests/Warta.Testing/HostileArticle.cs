using System.Text;
using System.Text.Json;

namespace Warta.Testing;

/// <summary>A news record whose title, body and URL carry markup and script (<c>&lt;script&gt;</c>, event handlers, a <c>javascript:</c> URL, broken tags), for checking that pages show it as text.</summary>
/// <remarks>Every script in it would set <c>window.__pwned</c> or change the document title to <see cref="PwnedTitle"/>, or open a dialog; a page that runs none of it stays unchanged.</remarks>
public static class HostileArticle
{
    public const string FileName = "hostile.jsonl";

    public const string PwnedTitle = "pwned";

    public const string Title = "Banjir <script>window.__pwned=1;document.title='pwned'</script> Lamaru <b>tebal";

    public const string Url = "javascript:alert(document.cookie)";

    /// <summary>A word of the body found only in this article, to search for it.</summary>
    public const string Marker = "Zarkovia";

    public static string Body { get; } = string.Join("\n\n",
        "Lamaru (Kabarnusa) - Banjir Zarkovia di Kabupaten Lamaru <img src=x onerror=\"window.__pwned=2\"> kembali merendam desa, kata Bupati Lamaru Nurlaila Rahmah pada Rabu (5/3/2025).",
        "Warga diminta <a href=\"javascript:alert(1)\">klik di sini</a> </textarea><svg onload=\"window.__pwned=3\"> <div><p>unclosed <style>body{display:none}</style> <iframe src=\"https://example.invalid\"></iframe>",
        "\"Kami <script>alert('quote')</script> siap [mengungsi],\" kata Masrani, warga Desa Batu Hampar.");

    /// <summary>The record as one JSONL line (the reader takes title, url, outlet, published, text).</summary>
    public static byte[] Jsonl()
    {
        var line = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["title"] = Title,
            ["url"] = Url,
            ["outlet"] = "kabarnusa.id",
            ["published"] = "2025-03-05T10:00:00+08:00",
            ["text"] = Body,
        });
        return Encoding.UTF8.GetBytes(line + "\n");
    }
}
