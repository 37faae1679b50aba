using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Warta.Web.Tests.Pages;

/// <summary>A browser's part in a form post, over a test client: it keeps the cookies the server sets and sends them back, and reads the antiforgery token a page's form carries.</summary>
internal sealed partial class FormBrowser(HttpClient client)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>The Set-Cookie headers of the last response.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public bool HasCookie(string name) => _cookies.ContainsKey(name);

    public void SetCookie(string name, string value) => _cookies[name] = value;

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        return await SendAsync(request);
    }

    /// <summary>Posts <paramref name="fields"/> as a form (repeated names allowed), with the cookies held.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields.Select(static f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        return await SendAsync(request);
    }

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string TokenOf(string html)
    {
        var match = Token().Match(html);
        Assert.True(match.Success, "the page has no form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task<(HttpResponseMessage Response, string Html)> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(static c => c.Key + "=" + c.Value)));
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? [.. set] : [];
        foreach (var header in LastSetCookies)
        {
            var pair = header.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
            // A deletion comes as an empty value with an expiry in the past.
            if (value.Length == 0) _cookies.Remove(name);
            else _cookies[name] = value;
        }
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
