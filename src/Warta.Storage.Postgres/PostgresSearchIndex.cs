using System.Runtime.CompilerServices;
using Npgsql;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Storage.Postgres;

/// <summary>Search in a PostgreSQL store: the <see cref="ISearchIndex"/> over <c>search_articles</c>, PostgreSQL full-text
/// search over Warta's own analysed terms (kept by <see cref="PostgresSearchFollower"/>).</summary>
/// <remarks>
/// The same query syntax and the same hits as the embedded Lucene index (<c>PostgresSearchIndexTests</c> compares them on
/// the sample corpus); the order differs, as PostgreSQL ranks with <c>ts_rank</c> (title lexemes double) rather than BM25.
/// Stories are ranked as Lucene ranks them (best article's score plus a quarter of the others', halved for every 30 days
/// older than the newest match) from every matching row, so a query matching very many articles reads them all. Holds no
/// connection: each call takes one from the store's pool, so one instance may serve a whole process.
/// </remarks>
public sealed class PostgresSearchIndex : ISearchIndex
{
    /// <summary>Length in characters of a hit's snippet (as the Lucene index's).</summary>
    public const int SnippetChars = 160;

    /// <summary>Days over which a story's freshness halves relative to the newest match.</summary>
    public const double FreshnessHalfDays = 30;

    private const int ExportPage = 1000;

    private readonly PostgresStore _store;
    private readonly ITextAnalyzer _analyzer;

    private PostgresSearchIndex(PostgresStore store, ITextAnalyzer analyzer)
    {
        _store = store;
        _analyzer = analyzer;
    }

    /// <summary>The search index of <paramref name="store"/>; null when the store predates it (a writer adds it, and builds it, when it opens the store).</summary>
    /// <param name="store">The store, opened for reading or writing.</param>
    /// <param name="analyzer">The process's text analysis (the one the index was written with).</param>
    public static PostgresSearchIndex? TryOpen(PostgresStore store, ITextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(analyzer);
        var exists = store.Run(static connection =>
        {
            using var command = new NpgsqlCommand("SELECT to_regclass('search_state') IS NOT NULL", connection);
            return (bool)command.ExecuteScalar()!;
        });
        return exists ? new PostgresSearchIndex(store, analyzer) : null;
    }

    public long Sequence => _store.Run(static connection =>
    {
        using var command = new NpgsqlCommand("SELECT seq FROM search_state WHERE id = 1", connection);
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>Articles the index holds.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default) => CountAsync(_store, cancellationToken);

    public async Task<SearchResults<SearchHit>> SearchArticlesAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var built = PostgresSearchQuery.Build(query, _analyzer);
        var total = await ScalarAsync<long>($"SELECT count(*) FROM search_articles WHERE {built.Where}", built, cancellationToken).ConfigureAwait(false);
        var rows = await RowsAsync(built, query.Sort, query.Limit, query.Offset, cancellationToken).ConfigureAwait(false);
        return new SearchResults<SearchHit>((int)total, await HitsAsync(rows, built, query.Snippets, cancellationToken).ConfigureAwait(false));
    }

    public async Task<SearchResults<StorySearchHit>> SearchStoriesAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var built = PostgresSearchQuery.Build(query, _analyzer);
        var rows = await QueryAsync(
            $"SELECT article_id, story_id, {built.Rank}, time_ms FROM search_articles WHERE ({built.Where}) AND story_id IS NOT NULL",
            built, static r => (Id: r.GetString(0), Story: r.GetString(1), Score: r.GetFloat(2), Time: r.IsDBNull(3) ? (long?)null : r.GetInt64(3)),
            cancellationToken).ConfigureAwait(false);
        var newest = rows.Max(static r => r.Time);
        var ranked = rows
            .GroupBy(static r => r.Story, StringComparer.Ordinal)
            .Select(g =>
            {
                var best = g.OrderByDescending(static r => r.Score).ThenBy(static r => r.Id, StringComparer.Ordinal).First();
                var latest = g.Max(static r => r.Time);
                var relevance = best.Score + 0.25f * (g.Sum(static r => r.Score) - best.Score);
                return (Story: g.Key, Count: g.Count(), Best: best.Id, Latest: latest, Score: StoryScore(relevance, latest, newest));
            })
            .OrderByDescending(static s => s.Score)
            .ThenByDescending(static s => s.Latest ?? long.MinValue)
            .ThenBy(static s => s.Story, StringComparer.Ordinal)
            .ToList();
        var page = ranked.Skip(query.Offset).Take(query.Limit).ToList();
        var bestArticles = (await _store.GetArticlesAsync([.. page.Select(static s => s.Best)], cancellationToken).ConfigureAwait(false))
            .ToDictionary(static a => a.Id, StringComparer.Ordinal);
        var hits = new List<StorySearchHit>(page.Count);
        foreach (var story in page)
        {
            var headline = await _store.GetStoryAsync(story.Story, cancellationToken).ConfigureAwait(false) is { } stored
                ? stored.Headline
                : bestArticles.GetValueOrDefault(story.Best)?.Title ?? "";
            var last = story.Latest is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
            hits.Add(new StorySearchHit(story.Story, headline, story.Count, story.Score, last, story.Best));
        }
        return new SearchResults<StorySearchHit>(ranked.Count, hits);
    }

    public async Task<IReadOnlyList<PeriodCount>> CountAsync(SearchQuery query, SearchPeriod period, bool byOutlet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var built = PostgresSearchQuery.Build(query, _analyzer);
        var outlet = byOutlet ? "outlet" : "NULL::text";
        var rows = await QueryAsync(
            $"SELECT day, {outlet}, count(*) FROM search_articles WHERE ({built.Where}) AND day IS NOT NULL GROUP BY 1, 2",
            built, static r => (Day: r.GetInt32(0), Outlet: r.IsDBNull(1) ? null : r.GetString(1), Count: (int)r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
        return [.. rows
            .GroupBy(r => (Start: PeriodStart(DateOnly.FromDayNumber(r.Day), period), r.Outlet))
            .Select(static g => new PeriodCount(g.Key.Start, g.Key.Outlet, g.Sum(static r => r.Count)))
            .OrderBy(static c => c.Start)
            .ThenBy(static c => c.Outlet, StringComparer.Ordinal)];
    }

    public async IAsyncEnumerable<SearchHit> ExportAsync(SearchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var built = PostgresSearchQuery.Build(query, _analyzer);
        for (var offset = 0; ; offset += ExportPage)
        {
            var rows = await RowsAsync(built, query.Sort, ExportPage, offset, cancellationToken).ConfigureAwait(false);
            foreach (var hit in await HitsAsync(rows, built, query.Snippets, cancellationToken).ConfigureAwait(false)) yield return hit;
            if (rows.Count < ExportPage) yield break;
        }
    }

    /// <summary>The day number (days since 0001-01-01) of an article's own date at its outlet's offset, the unit of date filters and counts.</summary>
    internal static int DayNumber(DateTimeOffset published) => DateOnly.FromDateTime(published.DateTime).DayNumber;

    internal static Task<int> CountAsync(PostgresStore store, CancellationToken cancellationToken) => store.RunAsync(async connection =>
    {
        var command = new NpgsqlCommand("SELECT count(*) FROM search_articles", connection);
        await using (command.ConfigureAwait(false))
        {
            return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }, cancellationToken);

    private Task<List<(string Id, string? Story, float Score)>> RowsAsync(PostgresSearchQuery built, SearchSort sort, int limit, int offset, CancellationToken cancellationToken)
    {
        // Undated articles last whichever comes first; the id breaks the remaining ties so pages never overlap.
        var order = sort == SearchSort.Time ? "time_ms DESC NULLS LAST, score DESC, article_id" : "score DESC, time_ms DESC NULLS LAST, article_id";
        return QueryAsync(
            $"SELECT article_id, story_id, {built.Rank} AS score, time_ms FROM search_articles WHERE {built.Where} ORDER BY {order} LIMIT {Math.Max(0, limit)} OFFSET {Math.Max(0, offset)}",
            built, static r => (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetFloat(2)), cancellationToken);
    }

    private async Task<List<SearchHit>> HitsAsync(List<(string Id, string? Story, float Score)> rows, PostgresSearchQuery built, bool snippets, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return [];
        var articles = (await _store.GetArticlesAsync([.. rows.Select(static r => r.Id)], cancellationToken).ConfigureAwait(false))
            .ToDictionary(static a => a.Id, StringComparer.Ordinal);
        var hits = new List<SearchHit>(rows.Count);
        foreach (var (id, story, score) in rows)
        {
            // A row whose article was deleted after the index was last caught up: left out, as the store no longer has it.
            if (!articles.TryGetValue(id, out var article)) continue;
            var snippet = snippets ? Snippet(article, built) : "";
            hits.Add(new SearchHit(article.Id, article.Title, article.Outlet, article.Language, article.Published?.Value, story, score, snippet));
        }
        return hits;
    }

    private string Snippet(Article article, PostgresSearchQuery built)
    {
        var bucket = IndexTerms.BucketOf(article.Language);
        var stems = built.Stems.GetValueOrDefault(bucket) ?? [];
        var body = article.Body;
        return SearchSnippets.Best(_analyzer, body, bucket, stems, SnippetChars)
            ?? SearchSnippets.Best(_analyzer, article.Title, bucket, stems, SnippetChars)
            ?? SearchSnippets.Lead(body.Length > 0 ? body : article.Title, SnippetChars);
    }

    private static float StoryScore(float relevance, long? latest, long? newest)
    {
        if (latest is not { } last || newest is not { } top) return relevance * 0.5f;
        var ageDays = (top - last) / 86_400_000.0;
        return (float)(relevance * Math.Pow(0.5, ageDays / FreshnessHalfDays));
    }

    private static DateOnly PeriodStart(DateOnly day, SearchPeriod period) =>
        period == SearchPeriod.Week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;

    private Task<T> ScalarAsync<T>(string sql, PostgresSearchQuery built, CancellationToken cancellationToken) => _store.RunAsync(async connection =>
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange(built.Parameters());
            return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }, cancellationToken);

    private Task<List<T>> QueryAsync<T>(string sql, PostgresSearchQuery built, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) => _store.RunAsync(async connection =>
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange(built.Parameters());
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var items = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(read(reader));
                return items;
            }
        }
    }, cancellationToken);
}
