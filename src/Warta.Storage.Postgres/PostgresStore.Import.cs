using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>The tables an embedded store is copied into (<c>warta migrate</c>), parents before children, with the columns
    /// both engines' stores have under the same names: articles, stories, placements, merges, the checkpoint, the change
    /// sequence, outlet pairings, story views, API keys, corrections, followed sources (<c>warta watch</c>'s state) and
    /// alerts (rules, the evaluator's position, fired alerts and their deliveries, made in the order they are read).</summary>
    public static IReadOnlyList<(string Table, IReadOnlyList<string> Columns)> ImportedTables { get; } =
    [
        ("articles", ["id", "title", "outlet", "language", "url", "source", "published_utc_ticks", "published_offset_minutes", "published_precision",
            "authors_json", "paragraphs_json", "provenance_json", "annotations_json"]),
        ("stories", ["id", "headline", "article_count", "outlets_json", "first_published_utc_ticks", "first_published_offset_minutes",
            "last_published_utc_ticks", "last_published_offset_minutes", "updated_seq"]),
        ("story_assignments", ["article_id", "story_id", "copy_of_article_id", "similarity", "placed_seq", "placed_story_id"]),
        ("story_merges", ["seq", "from_story_id", "into_story_id", "article_id", "similarity"]),
        ("clusterer_checkpoint", ["id", "format_version", "options_fingerprint", "article_count", "last_article_id", "snapshot", "change_seq"]),
        ("changes", ["seq", "kind", "article_id", "story_id", "from_story_id"]),
        ("outlet_pairings", ["name", "domain"]),
        ("story_views", ["story_id", "seq", "view_json"]),
        ("story_view_state", ["id", "seq"]),
        ("api_keys", ["name", "hash", "created_utc_ticks", "revoked_utc_ticks"]),
        ("story_corrections", ["seq", "kind", "story_id", "target_story_id", "article_ids_json", "by_name", "at_utc_ticks", "at_offset_minutes"]),
        ("source_state", ["name", "last_poll_utc_ticks", "interval_ms"]),
        ("feed_state", ["source", "url", "etag", "last_modified_utc_ticks", "last_error"]),
        ("seen_items", ["key", "source", "url", "article_id", "revision", "first_seen_utc_ticks", "last_fetched_utc_ticks", "etag",
            "last_modified_utc_ticks", "retracted_utc_ticks"]),
        ("article_revisions", ["key", "revision", "article_id", "title", "fetched_utc_ticks"]),
        ("article_retractions", ["article_id", "at_utc_ticks", "reason"]),
        ("alert_rules", ["id", "name", "kind", "query", "entity", "outlets", "within_ticks", "factor", "outlet", "webhook", "secret", "allow_private",
            "created_utc_ticks", "since_seq"]),
        ("alert_state", ["id", "seq"]),
        ("alerts", ["key", "rule_id", "seq", "fired_utc_ticks", "alert_json"]),
        ("alert_deliveries", ["key", "rule_id", "webhook", "status", "attempts", "last_error", "next_attempt_utc_ticks", "last_attempt_utc_ticks",
            "created_utc_ticks"]),
    ];

    /// <summary>Copies another store's rows into this one, which must be empty, in one transaction: every table of
    /// <see cref="ImportedTables"/> with its rows as given (change numbers, merge numbers and all), then the change counter
    /// set to <paramref name="latestSequence"/>. Hold this store's write lock, and the source's, while it runs.</summary>
    /// <param name="rows">The source's rows of a table, the columns in the order asked for (integers, reals, text, bytes or null).</param>
    /// <param name="latestSequence">The source's last change number.</param>
    /// <param name="cancellationToken">Stops the copy; nothing is written.</param>
    /// <returns>Rows copied per table.</returns>
    /// <exception cref="StoreFailureException">This store is not empty (nothing is written), or the server failed.</exception>
    public Task<IReadOnlyList<(string Table, long Rows)>> ImportAsync(
        Func<string, IReadOnlyList<string>, IEnumerable<object?[]>> rows, long latestSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return RunAsync<IReadOnlyList<(string, long)>>(async connection =>
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var held = Scalar<object>(connection, transaction, """
                    SELECT CASE
                        WHEN EXISTS (SELECT 1 FROM articles) THEN 'articles'
                        WHEN EXISTS (SELECT 1 FROM stories) THEN 'stories'
                        WHEN (SELECT last FROM change_counter WHERE id = 1) > 0 THEN 'changes'
                        WHEN EXISTS (SELECT 1 FROM api_keys) THEN 'API keys'
                        WHEN EXISTS (SELECT 1 FROM clusterer_checkpoint) THEN 'a clusterer checkpoint'
                        WHEN EXISTS (SELECT 1 FROM story_views) THEN 'story views'
                        WHEN EXISTS (SELECT 1 FROM source_state) OR EXISTS (SELECT 1 FROM seen_items) THEN 'followed sources'
                        WHEN EXISTS (SELECT 1 FROM alert_rules) THEN 'alert rules'
                    END
                    """) as string;
                if (held is not null)
                {
                    throw new StoreFailureException(StoreFailure.Other, Location,
                        $"it already holds {held}; a store is copied only into an empty one (a new database, or ?search_path= a new schema)");
                }
                var copied = new List<(string, long)>();
                foreach (var (table, columns) in ImportedTables)
                {
                    var types = ColumnTypes(connection, transaction, table, columns);
                    long count = 0;
                    var importer = await connection.BeginBinaryImportAsync(
                        $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
                    await using (importer.ConfigureAwait(false))
                    {
                        foreach (var row in rows(table, columns))
                        {
                            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                            for (var i = 0; i < types.Length; i++)
                            {
                                if (row[i] is null) await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                                else await importer.WriteAsync(Converted(row[i]!, types[i]), types[i], cancellationToken).ConfigureAwait(false);
                            }
                            count++;
                        }
                        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    }
                    copied.Add((table, count));
                }
                // Merges made after the copy are numbered after the copied ones.
                Execute(connection, transaction,
                    "SELECT setval(pg_get_serial_sequence('story_merges', 'seq'), coalesce(max(seq), 0) + 1, false) FROM story_merges");
                Execute(connection, transaction, "UPDATE change_counter SET last = @last WHERE id = 1", P("last", latestSequence));
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return copied;
            }
        }, cancellationToken);
    }

    /// <summary>The type of each of <paramref name="columns"/> of <paramref name="table"/> in this store's schema.</summary>
    private static NpgsqlDbType[] ColumnTypes(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, IReadOnlyList<string> columns)
    {
        var types = Query(connection, transaction,
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            static r => (Name: r.GetString(0), Type: r.GetString(1)), P("table", table)).ToDictionary(static c => c.Name, static c => c.Type, StringComparer.Ordinal);
        return [.. columns.Select(c => types.GetValueOrDefault(c) switch
        {
            "bigint" => NpgsqlDbType.Bigint,
            "integer" => NpgsqlDbType.Integer,
            "double precision" => NpgsqlDbType.Double,
            "text" => NpgsqlDbType.Text,
            "bytea" => NpgsqlDbType.Bytea,
            "boolean" => NpgsqlDbType.Boolean,
            var other => throw new InvalidOperationException($"column {table}.{c} has type '{other}', which a copy does not convert"),
        })];
    }

    /// <summary>A value as another engine gives it (SQLite: every integer a long, every real a double) in the column's type.</summary>
    private static object Converted(object value, NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Integer => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Bigint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        NpgsqlDbType.Text => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        // SQLite keeps a flag as 0 or 1.
        NpgsqlDbType.Boolean => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        _ => value,
    };
}
