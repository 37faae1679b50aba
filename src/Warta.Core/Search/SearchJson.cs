using System.Globalization;
using System.Text;
using System.Text.Json;
using Warta.Core.Model;

namespace Warta.Core.Search;

/// <summary>The JSON of search results as <c>warta search --json</c> prints it and the API returns it: one writer, so the two cannot drift apart.</summary>
public static class SearchJson
{
    /// <summary>Article hits: <c>{total, hits: [{id, title, outlet, language, published, story, score, snippet}]}</c>.</summary>
    public static string Serialize(SearchResults<SearchHit> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", results.Total);
            w.WriteStartArray("hits");
            foreach (var hit in results.Hits) WriteHit(w, hit);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Story hits: <c>{total, stories: [{id, headline, matchingArticles, score, lastActivity, bestArticle}]}</c>.</summary>
    public static string Serialize(SearchResults<StorySearchHit> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", results.Total);
            w.WriteStartArray("stories");
            foreach (var story in results.Hits)
            {
                w.WriteStartObject();
                w.WriteString("id", story.StoryId);
                w.WriteString("headline", story.Headline);
                w.WriteNumber("matchingArticles", story.MatchingArticles);
                w.WriteNumber("score", Math.Round(story.Score, 4));
                if (story.LastActivity is { } last) w.WriteString("lastActivity", Published(last));
                else w.WriteNull("lastActivity");
                w.WriteString("bestArticle", story.BestArticleId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Counts per period: <c>[{start, outlet?, count}]</c>.</summary>
    public static string Serialize(IReadOnlyList<PeriodCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Json(w =>
        {
            w.WriteStartArray();
            foreach (var count in counts)
            {
                w.WriteStartObject();
                w.WriteString("start", count.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (count.Outlet is not null) w.WriteString("outlet", count.Outlet);
                w.WriteNumber("count", count.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>One hit as one compact line (the JSON Lines export).</summary>
    public static string Line(SearchHit hit) => Json(w => WriteHit(w, hit), indented: false);

    /// <summary>A hit's time as the search output shows it: minutes and the outlet's offset.</summary>
    public static string Published(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    private static void WriteHit(Utf8JsonWriter w, SearchHit hit)
    {
        w.WriteStartObject();
        w.WriteString("id", hit.ArticleId);
        w.WriteString("title", hit.Title);
        w.WriteString("outlet", hit.Outlet);
        w.WriteString("language", hit.Language);
        if (hit.Published is { } published) w.WriteString("published", Published(published));
        else w.WriteNull("published");
        if (hit.StoryId is { } story) w.WriteString("story", story);
        else w.WriteNull("story");
        w.WriteNumber("score", Math.Round(hit.Score, 4));
        w.WriteString("snippet", hit.Snippet);
        w.WriteEndObject();
    }

    private static string Json(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ArticleJson.WriterOptions with { Indented = indented }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
