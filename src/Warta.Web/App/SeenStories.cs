using Microsoft.AspNetCore.Http;

namespace Warta.Web.App;

/// <summary>What this browser has seen of each story (no accounts): one cookie holding, for at most <see cref="MaxStories"/> stories, the last article of the story at the previous visit.</summary>
/// <remarks>Format: <c>storyId:articleId</c> pairs joined by <c>|</c>, the most recently visited first. Anything that does not
/// look like ids (a tampered cookie) is dropped, never echoed.</remarks>
internal static class SeenStories
{
    public const string CookieName = "warta-seen";

    /// <summary>Stories remembered; the least recently visited is forgotten first (about 40 bytes each, well under a cookie's 4 KB).</summary>
    public const int MaxStories = 60;

    /// <summary>The last article seen of <paramref name="storyId"/>, or null when this browser has not opened the story before.</summary>
    public static string? LastSeen(HttpContext context, string storyId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Read(context).FirstOrDefault(p => string.Equals(p.Story, storyId, StringComparison.Ordinal)).Article;
    }

    /// <summary>Remembers that this browser has now seen <paramref name="storyId"/> up to <paramref name="lastArticleId"/>.</summary>
    public static void Remember(HttpContext context, string storyId, string lastArticleId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsId(storyId) || !IsId(lastArticleId)) return;
        var pairs = Read(context).Where(p => !string.Equals(p.Story, storyId, StringComparison.Ordinal)).Take(MaxStories - 1).ToList();
        pairs.Insert(0, (storyId, lastArticleId));
        context.Response.Cookies.Append(CookieName, string.Join('|', pairs.Select(static p => p.Story + ":" + p.Article)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
        });
    }

    private static List<(string Story, string Article)> Read(HttpContext context)
    {
        var value = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value)) return [];
        var pairs = new List<(string, string)>();
        foreach (var part in value.Split('|'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var (story, article) = (part[..colon], part[(colon + 1)..]);
            if (IsId(story) && IsId(article)) pairs.Add((story, article));
        }
        return pairs;
    }

    /// <summary>Article and story ids are lower-case hex with an optional <c>s-</c>; at most 64 characters.</summary>
    private static bool IsId(string id) =>
        id.Length is > 0 and <= 64 && id.All(static c => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or '-');
}
