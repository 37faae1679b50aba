using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Command("SELECT seq, kind, article_id, story_id, from_story_id FROM changes WHERE seq > $seq ORDER BY seq LIMIT $limit");
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$limit", limit);
        return Task.FromResult(Guard<IReadOnlyList<StoreChange>>(() =>
        {
            using var reader = command.ExecuteReader();
            var changes = new List<StoreChange>();
            while (reader.Read())
            {
                changes.Add(new StoreChange(
                    reader.GetInt64(0), (StoreChangeKind)reader.GetInt32(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
            return changes;
        }));
    }

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() => LatestSequence(null)));
    }

    /// <remarks>Two recursive walks over the merges: the stories merged into this one, and the stories it joined (where its
    /// redirect leads). Then the latest change naming a story of the first at either end, and the latest merge or correction
    /// from a story of the second: each one probe of the changes' story indexes (schema step 13). The walks are two
    /// statements: SQLite took 200–300 µs for one statement holding both recursive tables, against about 25 µs for the two
    /// (on every web read of a story, its version).</remarks>
    public Task<long> LatestStorySequenceAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            var absorbed = Kept(
                "WITH RECURSIVE absorbed(id) AS (SELECT $story UNION SELECT m.from_story_id FROM story_merges m JOIN absorbed a ON m.into_story_id = a.id) " +
                "SELECT coalesce(max(max(coalesce((SELECT max(c.seq) FROM changes c WHERE c.story_id = a.id), 0), " +
                "coalesce((SELECT max(c.seq) FROM changes c WHERE c.from_story_id = a.id), 0))), 0) FROM absorbed a");
            absorbed.Parameters.AddWithValue("$story", storyId);
            var latest = Convert.ToInt64(absorbed.ExecuteScalar(), CultureInfo.InvariantCulture);
            var joined = Kept(
                "WITH RECURSIVE joined(id) AS (SELECT $story UNION SELECT m.into_story_id FROM story_merges m JOIN joined j ON m.from_story_id = j.id) " +
                "SELECT coalesce(max((SELECT max(c.seq) FROM changes c WHERE c.from_story_id = j.id)), 0) FROM joined j");
            joined.Parameters.AddWithValue("$story", storyId);
            return Math.Max(latest, Convert.ToInt64(joined.ExecuteScalar(), CultureInfo.InvariantCulture));
        }));
    }

    private long LatestSequence(SqliteTransaction? transaction)
    {
        using var command = Command("SELECT coalesce(max(seq), 0) FROM changes", transaction);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The highest sequence number ever given: with AUTOINCREMENT that is in sqlite_sequence, so a number is never
    /// given twice even if the rows at the end were ever removed.</summary>
    private long HighestSequenceEverGiven(SqliteTransaction transaction)
    {
        using var command = Command(
            "SELECT max(coalesce((SELECT max(seq) FROM changes), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0))", transaction);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Numbers changes inside one transaction and writes them with one statement per transaction (<see cref="Flush"/>).</summary>
    /// <remarks>The numbers are given here, from the last one in the store, instead of read back with <c>RETURNING</c>:
    /// only the write-lock holder appends, inside its transaction. The rows travel as one JSON array bound to one
    /// parameter: binding five parameters and stepping a statement per row cost more than the rows' B-tree writes (two
    /// changes per placed article; a sixth of the uci-news stream's commit time).</remarks>
    private sealed class ChangeWriter
    {
        private readonly SqliteStore _store;
        private readonly SqliteTransaction _transaction;
        private readonly JsonRows _rows = new();
        private long? _last;

        public ChangeWriter(SqliteStore store, SqliteTransaction transaction)
        {
            _store = store;
            _transaction = transaction;
        }

        /// <summary>The sequence number of the last change appended, 0 before the first.</summary>
        public long Last { get; private set; }

        public long Append(StoreChangeKind kind, string articleId, string? storyId, string? fromStoryId)
        {
            _last ??= _store.HighestSequenceEverGiven(_transaction);
            var sequence = _last.Value + 1;
            _rows.Begin().Number(sequence).Number((int)kind).Text(articleId).Text(storyId).Text(fromStoryId).End();
            _last = sequence;
            Last = sequence;
            return sequence;
        }

        /// <summary>Writes the changes appended since the last flush; the transaction's owner calls it before committing.</summary>
        public void Flush()
        {
            if (_rows.Count == 0) return;
            using var insert = _store.Command(
                "INSERT INTO changes (seq, kind, article_id, story_id, from_story_id) " +
                "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each($rows)",
                _transaction);
            insert.Parameters.AddWithValue("$rows", _rows.ToJson());
            insert.ExecuteNonQuery();
            _rows.Clear();
        }
    }
}
