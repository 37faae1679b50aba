using System.Text;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Evaluation.Clustering;

namespace Warta.Evaluation.Load;

/// <summary>An endless stream of realistic JSON article records: a set replayed round after round with fresh names, places and
/// numbers (<see cref="FreshVocabulary"/>), so every record is new and stories keep their real shape.</summary>
public sealed class ArticleRecords(IReadOnlyList<Article> set)
{
    /// <summary>Rounds after which publication times start again from the set's own.</summary>
    public const int TimeRounds = 1000;

    private readonly StreamReplay _replay = new(set);

    /// <summary>Records from round <paramref name="firstRound"/> on, each one JSON object as <c>warta ingest</c> reads a JSON Lines record.</summary>
    public IEnumerable<string> From(int firstRound)
    {
        for (var round = firstRound; ; round++)
        {
            // Times repeat every TimeRounds rounds (each round is 90 days or more after the last, and dates end in year 9999);
            // the names, places and numbers of every round are its own, so every record is still a new article.
            foreach (var article in _replay.Round(round % TimeRounds)) yield return ToJson(FreshVocabulary.ForRound(article, round));
        }
    }

    /// <summary>The JSON Lines record of <paramref name="article"/>: title, text, url, outlet, published.</summary>
    public static string ToJson(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var buffer = new MemoryStream();
        // Relaxed escaping: the records are data files people read, never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("title", article.Title);
            json.WriteString("text", string.Join("\n\n", article.Paragraphs));
            if (article.Url is { } url) json.WriteString("url", url);
            json.WriteString("outlet", article.Outlet);
            if (article.Published is { } published) json.WriteString("published", published.ToString());
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
