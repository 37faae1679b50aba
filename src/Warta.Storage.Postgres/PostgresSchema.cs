using Npgsql;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

/// <summary>Brings a PostgreSQL store to the newest schema by applying, in order, the steps it has not seen yet.</summary>
/// <remarks>
/// The applied steps are rows of <c>schema_version</c>; the version is the highest. Each step runs in its own transaction
/// with its row, under a transaction-scoped advisory lock, so two processes opening a new store at once apply each step
/// once and a failed step leaves the previous version. Steps are never edited once released; a change is a new step
/// appended to <see cref="Steps"/>. These steps are the PostgreSQL store's own, not SQLite's: step 1 is the embedded
/// store's schema as of its step 8 (api keys, corrections). Step 3 is the search index, step 4 the followed sources (SQLite's steps 10 and 11), step 5 the alerts (SQLite's step 9).
/// </remarks>
internal static class PostgresSchema
{
    /// <summary>First key of the store's advisory locks ("Wart"); the second is the hash of the store's schema name.</summary>
    public const int LockClass = 0x57617274;

    /// <summary>First key of the migration lock, apart from the writer's, so a placer holding the write lock never blocks an opener.</summary>
    public const int MigrationLockClass = LockClass + 1;

    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: articles, stories, assignments, merges, the clusterer checkpoint, the change sequence, outlet pairings, story
        // views, API keys and corrections. Text that is sorted or compared is in the "C" collation, so ids order as
        // ordinal strings whatever the database's locale. Times are UTC ticks and offset minutes, as in the embedded store,
        // so a publication time keeps its offset and its 100 ns precision.
        """
        CREATE TABLE articles (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            title text NOT NULL,
            outlet text NOT NULL,
            language text NOT NULL,
            url text,
            source text NOT NULL,
            published_utc_ticks bigint,
            published_offset_minutes integer,
            published_precision text,
            authors_json text NOT NULL,
            paragraphs_json text NOT NULL,
            provenance_json text NOT NULL,
            annotations_json text NOT NULL,
            CHECK ((published_utc_ticks IS NULL) = (published_precision IS NULL))
        );
        CREATE INDEX articles_by_published ON articles (published_utc_ticks NULLS LAST, id);
        CREATE TABLE stories (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            headline text NOT NULL,
            article_count integer NOT NULL,
            outlets_json text NOT NULL,
            first_published_utc_ticks bigint,
            first_published_offset_minutes integer,
            last_published_utc_ticks bigint,
            last_published_offset_minutes integer,
            updated_seq bigint NOT NULL
        );
        CREATE INDEX stories_by_update ON stories (updated_seq DESC, last_published_utc_ticks DESC NULLS LAST, id);
        CREATE TABLE story_assignments (
            article_id text COLLATE "C" NOT NULL PRIMARY KEY REFERENCES articles (id),
            story_id text COLLATE "C" NOT NULL REFERENCES stories (id),
            copy_of_article_id text COLLATE "C",
            similarity double precision NOT NULL,
            placed_seq bigint UNIQUE,
            placed_story_id text COLLATE "C"
        );
        CREATE INDEX story_assignments_by_story ON story_assignments (story_id);
        CREATE TABLE story_merges (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            from_story_id text COLLATE "C" NOT NULL,
            into_story_id text COLLATE "C" NOT NULL,
            article_id text COLLATE "C" NOT NULL,
            similarity double precision NOT NULL
        );
        CREATE INDEX story_merges_by_into ON story_merges (into_story_id);
        CREATE INDEX story_merges_by_from ON story_merges (from_story_id);
        CREATE INDEX story_merges_by_article ON story_merges (article_id);
        CREATE TABLE clusterer_checkpoint (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            format_version integer NOT NULL,
            options_fingerprint text NOT NULL,
            article_count integer NOT NULL,
            last_article_id text NOT NULL,
            snapshot bytea NOT NULL,
            change_seq bigint NOT NULL
        );
        CREATE TABLE changes (
            seq bigint NOT NULL PRIMARY KEY,
            kind integer NOT NULL,
            article_id text COLLATE "C" NOT NULL,
            story_id text COLLATE "C",
            from_story_id text COLLATE "C"
        );
        CREATE TABLE change_counter (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            last bigint NOT NULL
        );
        INSERT INTO change_counter (id, last) VALUES (1, 0);
        CREATE TABLE outlet_pairings (
            name text COLLATE "C" NOT NULL,
            domain text COLLATE "C" NOT NULL,
            PRIMARY KEY (name, domain)
        );
        CREATE TABLE story_views (
            story_id text COLLATE "C" NOT NULL PRIMARY KEY,
            seq bigint NOT NULL,
            view_json text NOT NULL
        );
        CREATE TABLE story_view_state (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            seq bigint NOT NULL
        );
        CREATE TABLE api_keys (
            name text COLLATE "C" NOT NULL PRIMARY KEY,
            hash text COLLATE "C" NOT NULL UNIQUE,
            created_utc_ticks bigint NOT NULL,
            revoked_utc_ticks bigint
        );
        CREATE TABLE story_corrections (
            seq bigint NOT NULL PRIMARY KEY,
            kind integer NOT NULL,
            story_id text COLLATE "C" NOT NULL,
            target_story_id text COLLATE "C" NOT NULL,
            article_ids_json text NOT NULL,
            by_name text NOT NULL,
            at_utc_ticks bigint NOT NULL,
            at_offset_minutes integer NOT NULL
        );
        CREATE INDEX story_corrections_by_story ON story_corrections (story_id);
        CREATE INDEX story_corrections_by_target ON story_corrections (target_story_id);
        """,
        // 2: revisions count once (the embedded store's step 12): an earlier revision of a followed page, superseded by a later
        // one, stays stored and placed but no longer counts in its story; stories keep the clusterer's article_count and the
        // number of superseded articles in them, and are read as the difference.
        """
        CREATE TABLE superseded_articles (
            article_id text COLLATE "C" NOT NULL PRIMARY KEY,
            superseded_by text COLLATE "C" NOT NULL
        );
        ALTER TABLE stories ADD COLUMN superseded_count integer NOT NULL DEFAULT 0;
        """,
        // 3: the search index (PostgresSearchIndex): one row per article with Warta's own analysed terms as a tsvector
        // (title weight A, body weight D; written as lexemes with positions, so PostgreSQL stems nothing itself), the
        // story it is in after merges, its filter fields, and the last change it holds. Kept by PostgresSearchFollower.
        """
        CREATE TABLE search_articles (
            article_id text COLLATE "C" NOT NULL PRIMARY KEY,
            story_id text COLLATE "C",
            outlet text COLLATE "C" NOT NULL,
            language text COLLATE "C" NOT NULL,
            bucket text COLLATE "C" NOT NULL,
            day integer,
            time_ms bigint,
            terms tsvector NOT NULL,
            entities text[] NOT NULL
        );
        CREATE INDEX search_articles_terms ON search_articles USING gin (terms);
        CREATE INDEX search_articles_entities ON search_articles USING gin (entities);
        CREATE INDEX search_articles_by_story ON search_articles (story_id);
        CREATE INDEX search_articles_by_day ON search_articles (day);
        CREATE TABLE search_state (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            seq bigint NOT NULL
        );
        INSERT INTO search_state (id, seq) VALUES (1, 0);
        """,
        // 4: followed sources (warta watch), as the embedded store's steps 10 and 11 keep them: poll state, feed validators,
        // pages stored by their key, their revisions and withdrawals.
        """
        CREATE TABLE source_state (
            name text COLLATE "C" NOT NULL PRIMARY KEY,
            last_poll_utc_ticks bigint NOT NULL,
            interval_ms bigint NOT NULL
        );
        CREATE TABLE feed_state (
            source text COLLATE "C" NOT NULL,
            url text COLLATE "C" NOT NULL,
            etag text,
            last_modified_utc_ticks bigint,
            last_error text,
            PRIMARY KEY (source, url)
        );
        CREATE TABLE seen_items (
            key text COLLATE "C" NOT NULL PRIMARY KEY,
            source text COLLATE "C" NOT NULL,
            url text NOT NULL,
            article_id text COLLATE "C" NOT NULL,
            revision integer NOT NULL,
            first_seen_utc_ticks bigint NOT NULL,
            last_fetched_utc_ticks bigint NOT NULL,
            etag text,
            last_modified_utc_ticks bigint,
            retracted_utc_ticks bigint
        );
        CREATE INDEX seen_items_by_article ON seen_items (article_id);
        CREATE INDEX seen_items_by_source ON seen_items (source, first_seen_utc_ticks);
        CREATE TABLE article_revisions (
            key text COLLATE "C" NOT NULL,
            revision integer NOT NULL,
            article_id text COLLATE "C" NOT NULL,
            title text NOT NULL,
            fetched_utc_ticks bigint NOT NULL,
            PRIMARY KEY (key, revision)
        );
        CREATE INDEX article_revisions_by_article ON article_revisions (article_id);
        CREATE TABLE article_retractions (
            article_id text COLLATE "C" NOT NULL PRIMARY KEY,
            at_utc_ticks bigint NOT NULL,
            reason text NOT NULL
        );
        """,
        // 5: alerts, as the embedded store's step 9 keeps them: rules (each fires only for changes after since_seq), the
        // evaluator's position in the change sequence (moved in the transaction of the alerts it recorded), fired alerts
        // keyed by their idempotency key, and webhook deliveries (ord: the order they were made in, for ties of created).
        """
        CREATE TABLE alert_rules (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            name text NOT NULL,
            kind integer NOT NULL,
            query text,
            entity text,
            outlets integer NOT NULL,
            within_ticks bigint NOT NULL,
            factor double precision NOT NULL,
            outlet text,
            webhook text,
            secret text,
            allow_private boolean NOT NULL,
            created_utc_ticks bigint NOT NULL,
            since_seq bigint NOT NULL
        );
        CREATE TABLE alert_state (
            id integer NOT NULL PRIMARY KEY CHECK (id = 1),
            seq bigint NOT NULL
        );
        CREATE TABLE alerts (
            key text COLLATE "C" NOT NULL PRIMARY KEY,
            rule_id text COLLATE "C" NOT NULL,
            seq bigint NOT NULL,
            fired_utc_ticks bigint NOT NULL,
            alert_json text NOT NULL
        );
        CREATE INDEX alerts_by_rule ON alerts (rule_id, fired_utc_ticks);
        CREATE TABLE alert_deliveries (
            key text COLLATE "C" NOT NULL PRIMARY KEY,
            ord bigint GENERATED ALWAYS AS IDENTITY,
            rule_id text COLLATE "C" NOT NULL,
            webhook text NOT NULL,
            status integer NOT NULL,
            attempts integer NOT NULL,
            last_error text,
            next_attempt_utc_ticks bigint,
            last_attempt_utc_ticks bigint,
            created_utc_ticks bigint NOT NULL
        );
        CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_utc_ticks);
        CREATE INDEX alert_deliveries_by_rule ON alert_deliveries (rule_id);
        """,
        // 6: a story's own last change, as the embedded store's step 13 keeps it: the changes by story and by the story they
        // came from, each with its sequence, so the latest is one index probe (IChangeLog.LatestStorySequenceAsync).
        """
        CREATE INDEX IF NOT EXISTS changes_by_story ON changes (story_id, seq) WHERE story_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS changes_by_from_story ON changes (from_story_id, seq) WHERE from_story_id IS NOT NULL;
        """,
    ];

    public static int LatestVersion => Steps.Count;

    /// <summary>The highest step applied, or null when the schema has no Warta store (no <c>schema_version</c> table).</summary>
    public static int? ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection, transaction);
        if (!(bool)exists.ExecuteScalar()!) return null;
        using var command = new NpgsqlCommand("SELECT coalesce(max(step), 0) FROM schema_version", connection, transaction);
        return (int)command.ExecuteScalar()!;
    }

    /// <summary>Applies the missing steps of <paramref name="steps"/>; throws <see cref="StoreFailureException"/> for a newer store.</summary>
    public static void Migrate(NpgsqlConnection connection, string location, IReadOnlyList<string> steps)
    {
        if (ReadVersion(connection) is { } current && current == steps.Count) return;
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            using (var locking = new NpgsqlCommand(
                $"SELECT pg_advisory_xact_lock({MigrationLockClass}, hashtext(current_schema())); " +
                "CREATE TABLE IF NOT EXISTS schema_version (step integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                connection, transaction))
            {
                locking.ExecuteNonQuery();
            }
            // Read again under the lock: another process may have migrated in between.
            var version = ReadVersion(connection, transaction) ?? 0;
            ThrowIfNewer(version, location, steps.Count);
            if (version == steps.Count)
            {
                transaction.Commit();
                return;
            }
            using (var step = new NpgsqlCommand(steps[version], connection, transaction))
            {
                step.ExecuteNonQuery();
            }
            using (var record = new NpgsqlCommand("INSERT INTO schema_version (step) VALUES ($1)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version + 1 });
                record.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public static void ThrowIfNewer(int version, string location, int latest)
    {
        if (version > latest)
        {
            throw new StoreFailureException(StoreFailure.Newer, location, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"it has schema version {version}, newer than the {latest} this Warta knows; use a newer Warta or another --store"));
        }
    }
}
