using Npgsql;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

/// <summary>Followed sources (<see cref="ISourceStateStore"/>): the same tables and rules as the embedded store's.</summary>
public sealed partial class PostgresStore : ISourceStateStore
{
    // As in the embedded store: each call is one short transaction outside the placer's write lock, so a watcher records
    // state on pooled connections while the placer commits articles on its own. Marking a page seen follows its article's commit.

    private const string SeenColumns = """
        key, source, url, article_id, revision, first_seen_utc_ticks, last_fetched_utc_ticks, etag, last_modified_utc_ticks, retracted_utc_ticks
        """;

    public async Task<SourceState?> FindSourceStateAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return (await QueryAsync("SELECT last_poll_utc_ticks, interval_ms FROM source_state WHERE name = @name",
            r => new SourceState(source, Utc(r.GetInt64(0)), TimeSpan.FromMilliseconds(r.GetInt64(1))), cancellationToken, P("name", source)).ConfigureAwait(false))
            .FirstOrDefault();
    }

    public Task SaveSourceStateAsync(SourceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ExecuteAsync("""
            INSERT INTO source_state (name, last_poll_utc_ticks, interval_ms) VALUES (@name, @last, @interval)
            ON CONFLICT (name) DO UPDATE SET last_poll_utc_ticks = excluded.last_poll_utc_ticks, interval_ms = excluded.interval_ms
            """, cancellationToken, P("name", state.Name), P("last", state.LastPoll.UtcTicks), P("interval", (long)state.Interval.TotalMilliseconds));
    }

    public async Task<FeedState?> FindFeedStateAsync(string source, string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(url);
        return (await QueryAsync("SELECT etag, last_modified_utc_ticks, last_error FROM feed_state WHERE source = @source AND url = @url",
            r => new FeedState(source, url, NullableString(r, 0), NullableUtc(r, 1), NullableString(r, 2)), cancellationToken,
            P("source", source), P("url", url)).ConfigureAwait(false)).FirstOrDefault();
    }

    public Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ExecuteAsync("""
            INSERT INTO feed_state (source, url, etag, last_modified_utc_ticks, last_error) VALUES (@source, @url, @etag, @modified, @error)
            ON CONFLICT (source, url) DO UPDATE SET etag = excluded.etag, last_modified_utc_ticks = excluded.last_modified_utc_ticks,
                last_error = excluded.last_error
            """, cancellationToken, P("source", state.Source), P("url", state.Url), P("etag", state.ETag, nullable: true),
            P("modified", state.LastModified?.UtcTicks), P("error", state.LastError, nullable: true));
    }

    public async Task<SeenItem?> FindSeenAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (await QueryAsync($"SELECT {SeenColumns} FROM seen_items WHERE key = @key", ReadSeen, cancellationToken, P("key", key)).ConfigureAwait(false))
            .FirstOrDefault();
    }

    public Task<IReadOnlyList<SeenItem>> ListRecheckDueAsync(string source, DateTimeOffset seenSince, DateTimeOffset fetchedBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Read<SeenItem>(QueryAsync($"""
            SELECT {SeenColumns} FROM seen_items
            WHERE source = @source AND first_seen_utc_ticks >= @since AND last_fetched_utc_ticks < @before
                AND retracted_utc_ticks IS NULL AND article_id <> ''
            ORDER BY last_fetched_utc_ticks, key LIMIT @limit
            """, ReadSeen, cancellationToken, P("source", source), P("since", seenSince.UtcTicks), P("before", fetchedBefore.UtcTicks), P("limit", Math.Max(0, limit))));
    }

    public Task SaveSeenAsync(SeenItem item, ArticleRevision? revision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RunAsync(async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                Execute(connection, transaction, """
                    INSERT INTO seen_items (key, source, url, article_id, revision, first_seen_utc_ticks, last_fetched_utc_ticks, etag,
                        last_modified_utc_ticks, retracted_utc_ticks)
                    VALUES (@key, @source, @url, @article, @revision, @first, @fetched, @etag, @modified, @retracted)
                    ON CONFLICT (key) DO UPDATE SET url = excluded.url, article_id = excluded.article_id, revision = excluded.revision,
                        last_fetched_utc_ticks = excluded.last_fetched_utc_ticks, etag = excluded.etag,
                        last_modified_utc_ticks = excluded.last_modified_utc_ticks, retracted_utc_ticks = excluded.retracted_utc_ticks
                    """, P("key", item.Key), P("source", item.Source), P("url", item.Url), P("article", item.ArticleId), P("revision", item.Revision),
                    P("first", item.FirstSeen.UtcTicks), P("fetched", item.LastFetched.UtcTicks), P("etag", item.ETag, nullable: true),
                    P("modified", item.LastModified?.UtcTicks), P("retracted", item.Retracted?.UtcTicks));
                if (revision is not null)
                {
                    Execute(connection, transaction, """
                        INSERT INTO article_revisions (key, revision, article_id, title, fetched_utc_ticks) VALUES (@key, @revision, @article, @title, @fetched)
                        ON CONFLICT DO NOTHING
                        """, P("key", revision.Key), P("revision", revision.Revision), P("article", revision.ArticleId), P("title", revision.Title),
                        P("fetched", revision.Fetched.UtcTicks));
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }, cancellationToken);
    }

    public Task SaveRetractionAsync(ArticleRetraction retraction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        return ExecuteAsync("INSERT INTO article_retractions (article_id, at_utc_ticks, reason) VALUES (@article, @at, @reason) ON CONFLICT DO NOTHING",
            cancellationToken, P("article", retraction.ArticleId), P("at", retraction.At.UtcTicks), P("reason", retraction.Reason));
    }

    public async Task<ArticleRetraction?> FindRetractionAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        // A store from before the sources step (opened for reading, not migrated) follows no pages: nothing is withdrawn.
        if (!HasSourceTables()) return null;
        return (await QueryAsync("SELECT at_utc_ticks, reason FROM article_retractions WHERE article_id = @article",
            r => new ArticleRetraction(articleId, Utc(r.GetInt64(0)), r.GetString(1)), cancellationToken, P("article", articleId)).ConfigureAwait(false))
            .FirstOrDefault();
    }

    public async Task<IReadOnlyList<ArticleRevision>> RevisionsOfAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        if (!HasSourceTables()) return [];
        return await QueryAsync("""
            SELECT key, revision, article_id, title, fetched_utc_ticks FROM article_revisions
            WHERE key IN (SELECT key FROM article_revisions WHERE article_id = @article) ORDER BY key, revision
            """, static r => new ArticleRevision(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), Utc(r.GetInt64(4))),
            cancellationToken, P("article", articleId)).ConfigureAwait(false);
    }

    public async Task<(int Seen, int Retracted)> CountSeenAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT count(*), count(retracted_utc_ticks) FROM seen_items", static r => ((int)r.GetInt64(0), (int)r.GetInt64(1)), cancellationToken)
            .ConfigureAwait(false))[0];

    public async Task<int> CountRetractionsAsync(CancellationToken cancellationToken = default) =>
        HasSourceTables()
            ? (await QueryAsync("SELECT count(*) FROM article_retractions", static r => (int)r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0]
            : 0;

    public async Task<IReadOnlyDictionary<string, ArticleStanding>> StandingOfAsync(IReadOnlyList<string> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var standing = new Dictionary<string, ArticleStanding>(StringComparer.Ordinal);
        if (articleIds.Count == 0 || !HasSourceTables()) return standing;
        var ids = articleIds.Distinct(StringComparer.Ordinal).ToArray();
        var withdrawn = (await QueryAsync("SELECT article_id, at_utc_ticks, reason FROM article_retractions WHERE article_id = ANY(@ids)",
            static r => new ArticleRetraction(r.GetString(0), Utc(r.GetInt64(1)), r.GetString(2)), cancellationToken, P("ids", ids)).ConfigureAwait(false))
            .ToDictionary(static r => r.ArticleId, StringComparer.Ordinal);
        // The page's latest revision, for every page an article was a revision of.
        var superseded = (await QueryAsync("""
            SELECT r.article_id, (SELECT l.article_id FROM article_revisions l WHERE l.key = r.key ORDER BY l.revision DESC LIMIT 1)
            FROM article_revisions r WHERE r.article_id = ANY(@ids)
            """, static r => (Id: r.GetString(0), Latest: r.GetString(1)), cancellationToken, P("ids", ids)).ConfigureAwait(false))
            .Where(static r => !string.Equals(r.Id, r.Latest, StringComparison.Ordinal))
            .GroupBy(static r => r.Id, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Last().Latest, StringComparer.Ordinal);
        foreach (var id in withdrawn.Keys.Concat(superseded.Keys).Distinct(StringComparer.Ordinal))
        {
            standing[id] = new ArticleStanding(id, withdrawn.GetValueOrDefault(id), superseded.GetValueOrDefault(id));
        }
        return standing;
    }

    private bool HasSourceTables() => Run(static connection =>
    {
        using var command = new NpgsqlCommand("SELECT to_regclass('article_revisions') IS NOT NULL", connection);
        return (bool)command.ExecuteScalar()!;
    });

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters) => RunAsync(async connection =>
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange(parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }, cancellationToken);

    private static SeenItem ReadSeen(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), Utc(r.GetInt64(5)), Utc(r.GetInt64(6)))
    {
        ETag = NullableString(r, 7),
        LastModified = NullableUtc(r, 8),
        Retracted = NullableUtc(r, 9),
    };

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? NullableUtc(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Utc(reader.GetInt64(ordinal));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
