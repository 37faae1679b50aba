using System.Text;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Evaluation.Clustering;

namespace Warta.Evaluation.Load;

/// <summary>An endless stream of realistic JSON article records: a set replayed round after round with fresh names, places and
/// numbers (<see cref="FreshVocabulary"/>), so every record is new and stories keep their real shape.</summary>
/// <remarks>
/// Round r starts <c>r × set size / articles a day</c> after round 0 and keeps the set's own spacing, so rounds overlap as
/// the stories of one season of news do, and the records come in publication order: once as many rounds have started as
/// the set's span holds, the stream carries <see cref="ArticlesPerDay"/> articles a day, its stories living as long as the
/// set's do (days to weeks for the sample corpus), and its clock advances through the whole stream, so a placer retires idle
/// stories as it does on real news. (Before, publication times started again every 1,000 rounds: a stream past 43,000
/// records stopped the placer's clock, and its live set grew to the cap.)
/// </remarks>
public sealed class ArticleRecords
{
    /// <summary>The rate of the stream once rounds overlap fully: a few outlets' year of news is about 100,000 articles.</summary>
    public const double DefaultArticlesPerDay = 300;

    private readonly StreamReplay _replay;
    private readonly TimeSpan _roundStep;
    private readonly IReadOnlySet<string> _names;

    /// <param name="set">The articles a round replays.</param>
    /// <param name="articlesPerDay">Articles a day once rounds overlap fully.</param>
    public ArticleRecords(IReadOnlyList<Article> set, double articlesPerDay = DefaultArticlesPerDay)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!(articlesPerDay > 0)) throw new ArgumentOutOfRangeException(nameof(articlesPerDay), articlesPerDay, "articles a day must be positive");
        _replay = new StreamReplay(set);
        // Rounds run side by side: a name left as it is where it opens a sentence ("Lamaru Tetapkan …"), or the same words
        // around other names, would join them (the rounds of one story of the set are one kind of story, told alike).
        _names = FreshVocabulary.NamesOf(set);
        ArticlesPerDay = articlesPerDay;
        _roundStep = TimeSpan.FromDays(_replay.Count / articlesPerDay);
    }

    /// <summary>Articles a day once rounds overlap fully.</summary>
    public double ArticlesPerDay { get; }

    /// <summary>Records from round <paramref name="firstRound"/> on, each one JSON object as <c>warta ingest</c> reads a JSON Lines record.</summary>
    public IEnumerable<string> From(int firstRound) => Articles(firstRound).Select(static a => ToJson(a));

    /// <summary>The articles of rounds <paramref name="firstRound"/> on, in publication order (ties by round, then the set's order),
    /// ids ending in <c>-round</c>; with <paramref name="freshVocabulary"/> off, each round keeps the set's words.</summary>
    public IEnumerable<Article> Articles(int firstRound, bool freshVocabulary = true) =>
        Merge(firstRound).Select(a => freshVocabulary ? FreshVocabulary.ForRound(a.Article, a.Round, _names, otherWords: true) : a.Article);

    /// <summary>The first round none of whose records is among the first <paramref name="records"/> of <see cref="From"/>(0): where
    /// records that follow a store built from those start (<c>warta bench serve --after-records</c>).</summary>
    public int RoundAfter(int records)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        return records == 0 ? 0 : Merge(0).Take(records).Max(static a => a.Round) + 1;
    }

    private IEnumerable<(Article Article, int Round)> Merge(int firstRound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRound);
        // The rounds under way, each by the time of its next article; a round joins when its first article is due.
        var pending = new PriorityQueue<(List<Article> Articles, int Round, int Index), (DateTimeOffset Time, int Round, int Index)>();
        var next = firstRound;
        var nextRound = RoundOf(next);
        while (true)
        {
            while (!pending.TryPeek(out _, out var head) || TimeOf(nextRound, 0) <= head.Time)
            {
                pending.Enqueue((nextRound, next, 0), (TimeOf(nextRound, 0), next, 0));
                next++;
                nextRound = RoundOf(next);
            }
            var (articles, round, index) = pending.Dequeue();
            yield return (articles[index], round);
            if (index + 1 < articles.Count) pending.Enqueue((articles, round, index + 1), (TimeOf(articles, index + 1), round, index + 1));
        }
    }

    private List<Article> RoundOf(int round) => [.. _replay.Round(round, _roundStep * round)];

    // An undated article keeps the time of the one before it in the round (the set's order puts undated ones last).
    private static DateTimeOffset TimeOf(List<Article> round, int index)
    {
        for (var i = index; i >= 0; i--)
        {
            if (round[i].Published is { } published) return published.Value;
        }
        return DateTimeOffset.UnixEpoch;
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
