using System.Globalization;
using System.Text.Json;
using Warta.Core.Ingestion;
using Warta.Core.Model;

namespace Warta.Evaluation.Clustering;

/// <summary>Reads a labeled JSON Lines set (a <c>story</c> gold field beside <c>text</c> and the optional <c>title</c>, <c>published</c>, <c>outlet</c>, <c>url</c>) through the real ingestor.</summary>
/// <remarks>
/// Each line is read by <see cref="ArticleIngestor"/> exactly as <c>warta ingest</c> reads it (datelines, outlets, the
/// publication time only where the record or the page layout states it), so undated records stay undated. The gold label
/// is taken from the same line. Lines the ingestor refuses are counted, not scored.
/// </remarks>
public static class LabeledJsonLines
{
    /// <summary>The labeled articles of <paramref name="lines"/>, in the order given.</summary>
    /// <param name="lines">The set's lines (blank lines are skipped).</param>
    /// <param name="source">Name stored as the articles' source.</param>
    /// <param name="refused">Lines without a <c>story</c> or refused by the ingestor.</param>
    public static IReadOnlyList<LabeledArticle> Read(IReadOnlyList<string> lines, string source, out int refused)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var ingestor = new ArticleIngestor();
        var labeled = new List<LabeledArticle>(lines.Count);
        refused = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) continue;
            var gold = GoldOf(line);
            // One line per document keeps the record's location and the ingestor's outlet learning in the order given.
            var name = source + "#" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var outcomes = ingestor.Read(new RawDocument(name + ".jsonl", System.Text.Encoding.UTF8.GetBytes(line)));
            if (gold is null || outcomes.Count != 1 || outcomes[0].Article is not { } article)
            {
                refused++;
                continue;
            }
            labeled.Add(new LabeledArticle(article, gold));
        }
        return labeled;
    }

    /// <summary>Keeps the records whose gold label starts with a number in [<paramref name="from"/>, <paramref name="to"/>] before a dash (ECB+ topics: <c>23-ecbplus</c>).</summary>
    public static IReadOnlyList<LabeledArticle> Topics(IReadOnlyList<LabeledArticle> labeled, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(labeled);
        return [.. labeled.Where(l => TopicOf(l.Gold) is { } t && t >= from && t <= to)];
    }

    /// <summary>Gives every record the same publication time (a set whose dates were removed, read as one day's news).</summary>
    public static IReadOnlyList<LabeledArticle> AtOneTime(IReadOnlyList<LabeledArticle> labeled, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(labeled);
        var published = new PublicationTime(time, TimePrecision.Second);
        return [.. labeled.Select(l => l with { Article = l.Article with { Published = published } })];
    }

    /// <summary>The lines in an order shuffled by <paramref name="seed"/> (the same seed, the same order).</summary>
    public static IReadOnlyList<string> Shuffle(IReadOnlyList<string> lines, int seed)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var copy = lines.Where(static l => !string.IsNullOrWhiteSpace(l)).ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }

    private static int? TopicOf(string gold)
    {
        var dash = gold.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(gold.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var topic) ? topic : null;
    }

    private static string? GoldOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("story", out var story)
                && story.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? story.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
