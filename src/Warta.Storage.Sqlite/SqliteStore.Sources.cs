using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore : ISourceStateStore
{
    // Like API keys: each call is one short transaction outside the placer's write lock, so the watcher records state on its
    // own connection while the placer (on another) commits articles. Marking a page seen happens after its article's commit.

    public Task<SourceState?> FindSourceStateAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("SELECT last_poll_utc_ticks, interval_ms FROM source_state WHERE name = $name");
            command.Parameters.AddWithValue("$name", source);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new SourceState(source, Utc(reader.GetInt64(0)), TimeSpan.FromMilliseconds(reader.GetInt64(1))) : null;
        }));
    }

    public Task SaveSourceStateAsync(SourceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("""
                INSERT INTO source_state (name, last_poll_utc_ticks, interval_ms) VALUES ($name, $last, $interval)
                ON CONFLICT (name) DO UPDATE SET last_poll_utc_ticks = excluded.last_poll_utc_ticks, interval_ms = excluded.interval_ms
                """);
            command.Parameters.AddWithValue("$name", state.Name);
            command.Parameters.AddWithValue("$last", state.LastPoll.UtcTicks);
            command.Parameters.AddWithValue("$interval", (long)state.Interval.TotalMilliseconds);
            return command.ExecuteNonQuery();
        }));
    }

    public Task<FeedState?> FindFeedStateAsync(string source, string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(url);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("SELECT etag, last_modified_utc_ticks, last_error FROM feed_state WHERE source = $source AND url = $url");
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$url", url);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new FeedState(source, url, NullableString(reader, 0), NullableUtc(reader, 1), NullableString(reader, 2))
                : null;
        }));
    }

    public Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("""
                INSERT INTO feed_state (source, url, etag, last_modified_utc_ticks, last_error) VALUES ($source, $url, $etag, $modified, $error)
                ON CONFLICT (source, url) DO UPDATE SET etag = excluded.etag, last_modified_utc_ticks = excluded.last_modified_utc_ticks,
                    last_error = excluded.last_error
                """);
            command.Parameters.AddWithValue("$source", state.Source);
            command.Parameters.AddWithValue("$url", state.Url);
            command.Parameters.AddWithValue("$etag", (object?)state.ETag ?? DBNull.Value);
            command.Parameters.AddWithValue("$modified", state.LastModified is { } m ? m.UtcTicks : DBNull.Value);
            command.Parameters.AddWithValue("$error", (object?)state.LastError ?? DBNull.Value);
            return command.ExecuteNonQuery();
        }));
    }

    public Task<SeenItem?> FindSeenAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command($"""
                SELECT {SeenColumns}
                FROM seen_items WHERE key = $key
                """);
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadSeen(reader) : null;
        }));
    }

    public Task<IReadOnlyList<SeenItem>> ListRecheckDueAsync(string source, DateTimeOffset seenSince, DateTimeOffset fetchedBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<SeenItem>>(Guard(() =>
        {
            var due = new List<SeenItem>();
            using var command = Command($"""
                SELECT {SeenColumns}
                FROM seen_items
                WHERE source = $source AND first_seen_utc_ticks >= $since AND last_fetched_utc_ticks < $before
                    AND retracted_utc_ticks IS NULL AND article_id <> ''
                ORDER BY last_fetched_utc_ticks, key LIMIT $limit
                """);
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$since", seenSince.UtcTicks);
            command.Parameters.AddWithValue("$before", fetchedBefore.UtcTicks);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                due.Add(ReadSeen(reader));
            }
            return due;
        }));
    }

    public Task SaveSeenAsync(SeenItem item, ArticleRevision? revision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using (var command = Command($"""
                INSERT INTO seen_items ({SeenColumns})
                VALUES ($key, $source, $url, $article, $revision, $first, $fetched, $etag, $modified, $retracted,
                    $itemTitle, $itemTicks, $itemOffset, $itemPrecision, $itemAuthor)
                ON CONFLICT (key) DO UPDATE SET url = excluded.url, article_id = excluded.article_id, revision = excluded.revision,
                    last_fetched_utc_ticks = excluded.last_fetched_utc_ticks, etag = excluded.etag,
                    last_modified_utc_ticks = excluded.last_modified_utc_ticks, retracted_utc_ticks = excluded.retracted_utc_ticks,
                    item_title = excluded.item_title, item_published_utc_ticks = excluded.item_published_utc_ticks,
                    item_published_offset_minutes = excluded.item_published_offset_minutes,
                    item_published_precision = excluded.item_published_precision, item_author = excluded.item_author
                """, transaction))
            {
                command.Parameters.AddWithValue("$key", item.Key);
                command.Parameters.AddWithValue("$source", item.Source);
                command.Parameters.AddWithValue("$url", item.Url);
                command.Parameters.AddWithValue("$article", item.ArticleId);
                command.Parameters.AddWithValue("$revision", item.Revision);
                command.Parameters.AddWithValue("$first", item.FirstSeen.UtcTicks);
                command.Parameters.AddWithValue("$fetched", item.LastFetched.UtcTicks);
                command.Parameters.AddWithValue("$etag", (object?)item.ETag ?? DBNull.Value);
                command.Parameters.AddWithValue("$modified", item.LastModified is { } m ? m.UtcTicks : DBNull.Value);
                command.Parameters.AddWithValue("$retracted", item.Retracted is { } r ? r.UtcTicks : DBNull.Value);
                command.Parameters.AddWithValue("$itemTitle", (object?)item.ItemTitle ?? DBNull.Value);
                command.Parameters.AddWithValue("$itemTicks", item.ItemPublished is { } p ? p.Value.UtcTicks : DBNull.Value);
                command.Parameters.AddWithValue("$itemOffset", item.ItemPublished is { } o ? (int)o.Value.Offset.TotalMinutes : DBNull.Value);
                command.Parameters.AddWithValue("$itemPrecision", item.ItemPublished is { } q ? q.Precision.ToString() : DBNull.Value);
                command.Parameters.AddWithValue("$itemAuthor", (object?)item.ItemAuthor ?? DBNull.Value);
                command.ExecuteNonQuery();
            }
            if (revision is not null)
            {
                using var command = Command("""
                    INSERT INTO article_revisions (key, revision, article_id, title, fetched_utc_ticks) VALUES ($key, $revision, $article, $title, $fetched)
                    ON CONFLICT DO NOTHING
                    """, transaction);
                command.Parameters.AddWithValue("$key", revision.Key);
                command.Parameters.AddWithValue("$revision", revision.Revision);
                command.Parameters.AddWithValue("$article", revision.ArticleId);
                command.Parameters.AddWithValue("$title", revision.Title);
                command.Parameters.AddWithValue("$fetched", revision.Fetched.UtcTicks);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
            return 0;
        }));
    }

    public Task SaveRetractionAsync(ArticleRetraction retraction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retraction);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command(
                "INSERT INTO article_retractions (article_id, at_utc_ticks, reason) VALUES ($article, $at, $reason) ON CONFLICT DO NOTHING");
            command.Parameters.AddWithValue("$article", retraction.ArticleId);
            command.Parameters.AddWithValue("$at", retraction.At.UtcTicks);
            command.Parameters.AddWithValue("$reason", retraction.Reason);
            return command.ExecuteNonQuery();
        }));
    }

    public Task<ArticleRetraction?> FindRetractionAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            // A store from before the sources step has no followed pages, so nothing is withdrawn (asked by table, not by step
            // number, so renumbering the step on a merge cannot break it).
            if (!HasSourceTables()) return null;
            using var command = Command("SELECT at_utc_ticks, reason FROM article_retractions WHERE article_id = $article");
            command.Parameters.AddWithValue("$article", articleId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new ArticleRetraction(articleId, Utc(reader.GetInt64(0)), reader.GetString(1)) : null;
        }));
    }

    public Task<IReadOnlyList<ArticleRevision>> RevisionsOfAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<ArticleRevision>>(Guard(() =>
        {
            var revisions = new List<ArticleRevision>();
            if (!HasSourceTables()) return revisions;
            using var command = Command("""
                SELECT key, revision, article_id, title, fetched_utc_ticks FROM article_revisions
                WHERE key IN (SELECT key FROM article_revisions WHERE article_id = $article) ORDER BY key, revision
                """);
            command.Parameters.AddWithValue("$article", articleId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                revisions.Add(new ArticleRevision(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), Utc(reader.GetInt64(4))));
            }
            return revisions;
        }));
    }

    public Task<(int Seen, int Retracted)> CountSeenAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("SELECT count(*), count(retracted_utc_ticks) FROM seen_items");
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetInt32(0), reader.GetInt32(1));
        }));
    }

    public Task<int> CountRetractionsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            if (!HasSourceTables()) return 0;
            var command = Kept("SELECT count(*) FROM article_retractions");
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }));
    }

    public Task<IReadOnlyDictionary<string, ArticleStanding>> StandingOfAsync(IReadOnlyList<string> articleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyDictionary<string, ArticleStanding>>(Guard(() =>
        {
            var withdrawn = new Dictionary<string, ArticleRetraction>(StringComparer.Ordinal);
            var superseded = new Dictionary<string, string>(StringComparer.Ordinal);
            if (HasSourceTables() && articleIds.Count > 0)
            {
                // In chunks, below SQLite's limit on bound parameters.
                foreach (var chunk in articleIds.Distinct(StringComparer.Ordinal).Chunk(500))
                {
                    var names = string.Join(", ", chunk.Select(static (_, i) => "$a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    using (var command = Command($"SELECT article_id, at_utc_ticks, reason FROM article_retractions WHERE article_id IN ({names})"))
                    {
                        Bind(command, chunk);
                        using var reader = command.ExecuteReader();
                        while (reader.Read()) withdrawn[reader.GetString(0)] = new ArticleRetraction(reader.GetString(0), Utc(reader.GetInt64(1)), reader.GetString(2));
                    }
                    // The page's latest revision, for every page an article was a revision of.
                    using (var command = Command($"""
                        SELECT r.article_id, (SELECT l.article_id FROM article_revisions l WHERE l.key = r.key ORDER BY l.revision DESC LIMIT 1)
                        FROM article_revisions r WHERE r.article_id IN ({names})
                        """))
                    {
                        Bind(command, chunk);
                        using var reader = command.ExecuteReader();
                        while (reader.Read())
                        {
                            var id = reader.GetString(0);
                            var latest = reader.GetString(1);
                            if (!string.Equals(id, latest, StringComparison.Ordinal)) superseded[id] = latest;
                        }
                    }
                }
            }
            var standing = new Dictionary<string, ArticleStanding>(StringComparer.Ordinal);
            foreach (var id in withdrawn.Keys.Concat(superseded.Keys).Distinct(StringComparer.Ordinal))
            {
                standing[id] = new ArticleStanding(id, withdrawn.GetValueOrDefault(id), superseded.GetValueOrDefault(id));
            }
            return standing;
        }));

        static void Bind(SqliteCommand command, string[] ids)
        {
            for (var i = 0; i < ids.Length; i++) command.Parameters.AddWithValue("$a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ids[i]);
        }
    }

    private bool HasSourceTables()
    {
        var command = Kept("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'article_revisions'");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>A seen page's columns, in the order <see cref="ReadSeen"/> reads them.</summary>
    private const string SeenColumns =
        "key, source, url, article_id, revision, first_seen_utc_ticks, last_fetched_utc_ticks, etag, last_modified_utc_ticks, retracted_utc_ticks, " +
        "item_title, item_published_utc_ticks, item_published_offset_minutes, item_published_precision, item_author";

    private static SeenItem ReadSeen(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), Utc(reader.GetInt64(5)), Utc(reader.GetInt64(6)))
    {
        ETag = NullableString(reader, 7),
        LastModified = NullableUtc(reader, 8),
        Retracted = NullableUtc(reader, 9),
        ItemTitle = NullableString(reader, 10),
        ItemPublished = reader.IsDBNull(11) || reader.IsDBNull(13)
            ? null
            : new Warta.Core.Model.PublicationTime(
                Utc(reader.GetInt64(11)).ToOffset(TimeSpan.FromMinutes(reader.GetInt64(12))), Enum.Parse<Warta.Core.Model.TimePrecision>(reader.GetString(13))),
        ItemAuthor = NullableString(reader, 14),
    };

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? NullableUtc(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Utc(reader.GetInt64(ordinal));

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
