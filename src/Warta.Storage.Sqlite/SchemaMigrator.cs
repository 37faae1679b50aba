using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

/// <summary>Brings a database to the newest schema by applying, in order, the steps it has not seen yet.</summary>
/// <remarks>
/// The schema version is <c>PRAGMA user_version</c>: the number of steps applied. Each step runs in its own
/// transaction together with the version bump, so a crash mid-migration leaves the previous version intact.
/// Steps are never edited once released; a change is a new step appended to <see cref="Steps"/>.
/// </remarks>
internal static class SchemaMigrator
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: articles, stories, assignments, merges.
        """
        CREATE TABLE articles (
            id TEXT NOT NULL PRIMARY KEY,
            title TEXT NOT NULL,
            outlet TEXT NOT NULL,
            language TEXT NOT NULL,
            url TEXT,
            source TEXT NOT NULL,
            published_utc_ticks INTEGER,
            published_offset_minutes INTEGER,
            published_precision TEXT,
            authors_json TEXT NOT NULL,
            paragraphs_json TEXT NOT NULL,
            provenance_json TEXT NOT NULL,
            annotations_json TEXT NOT NULL,
            CHECK ((published_utc_ticks IS NULL) = (published_precision IS NULL))
        );
        CREATE INDEX articles_by_published ON articles (published_utc_ticks IS NULL, published_utc_ticks, id);
        CREATE TABLE stories (
            id TEXT NOT NULL PRIMARY KEY,
            headline TEXT NOT NULL,
            article_count INTEGER NOT NULL,
            outlets_json TEXT NOT NULL,
            first_published_utc_ticks INTEGER,
            first_published_offset_minutes INTEGER,
            last_published_utc_ticks INTEGER,
            last_published_offset_minutes INTEGER,
            updated_seq INTEGER NOT NULL
        );
        CREATE INDEX stories_by_update ON stories (updated_seq);
        CREATE TABLE story_assignments (
            article_id TEXT NOT NULL PRIMARY KEY REFERENCES articles (id),
            story_id TEXT NOT NULL REFERENCES stories (id),
            copy_of_article_id TEXT,
            similarity REAL NOT NULL
        );
        CREATE INDEX story_assignments_by_story ON story_assignments (story_id);
        CREATE TABLE story_merges (
            seq INTEGER PRIMARY KEY,
            from_story_id TEXT NOT NULL,
            into_story_id TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles (id),
            similarity REAL NOT NULL
        );
        """,
        // 2: the clusterer checkpoint, at most one row, replaced with each batch of placements it reflects.
        """
        CREATE TABLE clusterer_checkpoint (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            format_version INTEGER NOT NULL,
            options_fingerprint TEXT NOT NULL,
            article_count INTEGER NOT NULL,
            last_article_id TEXT NOT NULL,
            snapshot BLOB NOT NULL
        );
        """,
        // 3: the change sequence. Every stored article, placement and merge gets the next number, so a reader (search
        // index, alerts, recovery) catches up with "changes since S". A store written before it gets its articles and
        // placements numbered in publication order (the order a full replay used) and its merges after them; a checkpoint
        // that reflected exactly the placed articles keeps being usable and reflects them all.
        """
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            story_id TEXT,
            from_story_id TEXT
        );
        ALTER TABLE story_assignments ADD COLUMN placed_seq INTEGER;
        ALTER TABLE clusterer_checkpoint ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
        INSERT INTO changes (kind, article_id)
            SELECT 1, id FROM articles ORDER BY published_utc_ticks IS NULL, published_utc_ticks, id;
        INSERT INTO changes (kind, article_id, story_id)
            SELECT 2, s.article_id, s.story_id FROM story_assignments s JOIN articles a ON a.id = s.article_id
            ORDER BY a.published_utc_ticks IS NULL, a.published_utc_ticks, a.id;
        UPDATE story_assignments SET placed_seq = (SELECT c.seq FROM changes c WHERE c.kind = 2 AND c.article_id = story_assignments.article_id);
        INSERT INTO changes (kind, article_id, story_id, from_story_id)
            SELECT 3, article_id, into_story_id, from_story_id FROM story_merges ORDER BY seq;
        CREATE UNIQUE INDEX story_assignments_by_placement ON story_assignments (placed_seq);
        UPDATE clusterer_checkpoint SET change_seq = (SELECT coalesce(max(seq), 0) FROM changes)
            WHERE article_count = (SELECT count(*) FROM story_assignments)
              AND EXISTS (SELECT 1 FROM story_assignments WHERE article_id = clusterer_checkpoint.last_article_id);
        DELETE FROM clusterer_checkpoint WHERE change_seq = 0;
        """,
        // 4: outlet name-domain pairings learned by the reader (antarprov = antarprov.com), so that a later run resolves a
        // name as the run that learned it did.
        """
        CREATE TABLE IF NOT EXISTS outlet_pairings (
            name TEXT NOT NULL,
            domain TEXT NOT NULL,
            PRIMARY KEY (name, domain)
        ) WITHOUT ROWID;
        """,
        // 5: a merge record outlives the article whose arrival decided it (warta article delete keeps the stories merged),
        // so story_merges.article_id no longer references articles. SQLite cannot drop a constraint: the table is rebuilt.
        """
        CREATE TABLE story_merges_new (
            seq INTEGER PRIMARY KEY,
            from_story_id TEXT NOT NULL,
            into_story_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            similarity REAL NOT NULL
        );
        INSERT INTO story_merges_new (seq, from_story_id, into_story_id, article_id, similarity)
            SELECT seq, from_story_id, into_story_id, article_id, similarity FROM story_merges ORDER BY seq;
        DROP TABLE story_merges;
        ALTER TABLE story_merges_new RENAME TO story_merges;
        CREATE INDEX story_merges_by_into ON story_merges (into_story_id);
        CREATE INDEX story_merges_by_from ON story_merges (from_story_id);
        """,
        // 6: stored story views (brief, timeline, disagreements, first tellings), rewritten by their change follower after each
        // commit, and the change sequence number they reflect; a store from before starts at 0 and its views are computed on the
        // next catch-up.
        """
        CREATE TABLE story_views (
            story_id TEXT NOT NULL PRIMARY KEY,
            seq INTEGER NOT NULL,
            view_json TEXT NOT NULL
        );
        CREATE TABLE story_view_state (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL
        );
        """,
        // 7: API keys, kept as the SHA-256 of the key (never the key): name, when made, when revoked. Written by `warta keys`
        // in short transactions of their own, without the placer's write lock, so keys can be managed while a server runs.
        """
        CREATE TABLE api_keys (
            name TEXT NOT NULL PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            created_utc_ticks INTEGER NOT NULL,
            revoked_utc_ticks INTEGER
        );
        """,
        // 8: editors' corrections (merge, split, move), each numbered in the change sequence, and the story an article was
        // placed in before an editor moved it (a replay places it there first, then applies the correction where it happened).
        """
        CREATE TABLE story_corrections (
            seq INTEGER NOT NULL PRIMARY KEY,
            kind INTEGER NOT NULL,
            story_id TEXT NOT NULL,
            target_story_id TEXT NOT NULL,
            article_ids_json TEXT NOT NULL,
            by_name TEXT NOT NULL,
            at_utc_ticks INTEGER NOT NULL,
            at_offset_minutes INTEGER NOT NULL
        );
        CREATE INDEX story_corrections_by_story ON story_corrections (story_id);
        CREATE INDEX story_corrections_by_target ON story_corrections (target_story_id);
        ALTER TABLE story_assignments ADD COLUMN placed_story_id TEXT;
        """,
        // 9: alerts. Rules (each fires only for changes after since_seq, the last change when it was added), the evaluator's
        // position in the change sequence (moved in the same transaction as the alerts it recorded), fired alerts keyed by
        // their idempotency key (recorded once, however often the same changes are evaluated), and webhook deliveries.
        """
        CREATE TABLE alert_rules (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            kind INTEGER NOT NULL,
            query TEXT,
            entity TEXT,
            outlets INTEGER NOT NULL,
            within_ticks INTEGER NOT NULL,
            factor REAL NOT NULL,
            outlet TEXT,
            webhook TEXT,
            secret TEXT,
            allow_private INTEGER NOT NULL,
            created_utc_ticks INTEGER NOT NULL,
            since_seq INTEGER NOT NULL
        );
        CREATE TABLE alert_state (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL
        );
        CREATE TABLE alerts (
            key TEXT NOT NULL PRIMARY KEY,
            rule_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            fired_utc_ticks INTEGER NOT NULL,
            alert_json TEXT NOT NULL
        );
        CREATE INDEX alerts_by_rule ON alerts (rule_id, fired_utc_ticks);
        CREATE TABLE alert_deliveries (
            key TEXT NOT NULL PRIMARY KEY,
            rule_id TEXT NOT NULL,
            webhook TEXT NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            last_error TEXT,
            next_attempt_utc_ticks INTEGER,
            last_attempt_utc_ticks INTEGER,
            created_utc_ticks INTEGER NOT NULL
        );
        CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_utc_ticks);
        """,
        // 10: followed sources (warta watch): poll state, feed validators, pages stored by canonical URL, their revisions and withdrawals.
        """
        CREATE TABLE source_state (
            name TEXT NOT NULL PRIMARY KEY,
            last_poll_utc_ticks INTEGER NOT NULL,
            interval_ms INTEGER NOT NULL
        );
        CREATE TABLE feed_state (
            source TEXT NOT NULL,
            url TEXT NOT NULL,
            etag TEXT,
            last_modified_utc_ticks INTEGER,
            last_error TEXT,
            PRIMARY KEY (source, url)
        );
        CREATE TABLE seen_items (
            key TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT NOT NULL,
            article_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            first_seen_utc_ticks INTEGER NOT NULL,
            last_fetched_utc_ticks INTEGER NOT NULL,
            etag TEXT,
            last_modified_utc_ticks INTEGER,
            retracted_utc_ticks INTEGER
        );
        CREATE INDEX seen_items_by_article ON seen_items (article_id);
        CREATE TABLE article_revisions (
            key TEXT NOT NULL,
            revision INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            title TEXT NOT NULL,
            fetched_utc_ticks INTEGER NOT NULL,
            PRIMARY KEY (key, revision)
        );
        CREATE INDEX article_revisions_by_article ON article_revisions (article_id);
        CREATE TABLE article_retractions (
            article_id TEXT NOT NULL PRIMARY KEY,
            at_utc_ticks INTEGER NOT NULL,
            reason TEXT NOT NULL
        );
        """,
        // 11: a feed that answers 304 still has its pages re-checked for edits and withdrawals: the watcher lists a source's
        // recently seen pages by source and first sighting.
        """
        CREATE INDEX seen_items_by_source ON seen_items (source, first_seen_utc_ticks);
        """,
        // 12: revisions count once. An earlier revision of a followed page, superseded by a later one, stays stored and placed
        // (folded under the latest) but no longer counts in its story: stories keep the clusterer's article_count and the
        // number of superseded articles in them, and are read as the difference. A followed page keeps its feed item's
        // title, time and author, so a re-check after the feed answered 304 reads the page with the same signals.
        """
        CREATE TABLE superseded_articles (
            article_id TEXT NOT NULL PRIMARY KEY,
            superseded_by TEXT NOT NULL
        );
        ALTER TABLE stories ADD COLUMN superseded_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE seen_items ADD COLUMN item_title TEXT;
        ALTER TABLE seen_items ADD COLUMN item_published_utc_ticks INTEGER;
        ALTER TABLE seen_items ADD COLUMN item_published_offset_minutes INTEGER;
        ALTER TABLE seen_items ADD COLUMN item_published_precision TEXT;
        ALTER TABLE seen_items ADD COLUMN item_author TEXT;
        INSERT OR IGNORE INTO superseded_articles (article_id, superseded_by)
            SELECT r.article_id, l.article_id FROM article_revisions r
            JOIN article_revisions l ON l.key = r.key AND l.revision = (SELECT max(revision) FROM article_revisions WHERE key = r.key)
            WHERE l.article_id <> r.article_id AND r.article_id IN (SELECT article_id FROM story_assignments)
            ORDER BY r.key, r.revision;
        INSERT INTO changes (kind, article_id, story_id)
            SELECT 6, x.article_id, s.story_id FROM superseded_articles x JOIN story_assignments s ON s.article_id = x.article_id ORDER BY x.rowid;
        UPDATE stories SET superseded_count = (
            WITH RECURSIVE tree(id) AS (SELECT stories.id UNION SELECT m.from_story_id FROM story_merges m JOIN tree ON m.into_story_id = tree.id)
            SELECT count(*) FROM superseded_articles x JOIN story_assignments s ON s.article_id = x.article_id WHERE s.story_id IN (SELECT id FROM tree));
        """,
        // 13: a story's own last change, read per request by the story reads' caches and ETags (IChangeLog.LatestStorySequenceAsync):
        // the changes by story and by the story they came from, each with its sequence, so the latest is one index probe.
        """
        CREATE INDEX IF NOT EXISTS changes_by_story ON changes (story_id, seq) WHERE story_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS changes_by_from_story ON changes (from_story_id, seq) WHERE from_story_id IS NOT NULL;
        """,
    ];

    /// <summary>Stands for "schema version not read" where a version is optional.</summary>
    public const int Unknown = -1;

    public static int LatestVersion => Steps.Count;

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the missing steps of <paramref name="steps"/>; throws <see cref="StoreFailureException"/> for a newer database.</summary>
    public static void Migrate(SqliteConnection connection, string path, IReadOnlyList<string> steps)
    {
        var version = ReadVersion(connection);
        if (version == steps.Count) return;
        ThrowIfNewer(version, path, steps.Count);
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            // Read again under the write lock: another process may have migrated in between.
            version = ReadVersion(connection, transaction);
            ThrowIfNewer(version, path, steps.Count);
            if (version == steps.Count) return;
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = steps[version] + string.Create(CultureInfo.InvariantCulture, $";\nPRAGMA user_version = {version + 1};");
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public static void ThrowIfNewer(int version, string path, int latest)
    {
        if (version > latest)
        {
            throw new StoreFailureException(StoreFailure.Newer, path, string.Create(CultureInfo.InvariantCulture,
                $"it has schema version {version}, newer than the {latest} this Warta knows; use a newer Warta or another --db"));
        }
    }
}
