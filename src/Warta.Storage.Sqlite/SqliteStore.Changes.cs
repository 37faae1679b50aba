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

    /// <summary>Appends changes inside one transaction with one prepared statement, handing back each one's sequence number.</summary>
    /// <remarks>The numbers are given here, from the last one in the store, instead of read back with <c>RETURNING</c>:
    /// only the write-lock holder appends, inside its transaction, and a plain insert costs less than a statement that
    /// returns rows (two changes per placed article).</remarks>
    private sealed class ChangeWriter : IDisposable
    {
        private readonly SqliteStore _store;
        private readonly SqliteTransaction _transaction;
        private SqliteCommand? _insert;
        private SqliteParameter[] _parameters = [];
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
            _insert ??= _store.Prepared(
                "INSERT INTO changes (seq, kind, article_id, story_id, from_story_id) VALUES ($seq, $kind, $article, $story, $from)",
                _transaction, out _parameters);
            var sequence = _last.Value + 1;
            _parameters[0].Value = sequence;
            _parameters[1].Value = (int)kind;
            _parameters[2].Value = articleId;
            _parameters[3].Value = (object?)storyId ?? DBNull.Value;
            _parameters[4].Value = (object?)fromStoryId ?? DBNull.Value;
            _insert.ExecuteNonQuery();
            _last = sequence;
            Last = sequence;
            return sequence;
        }

        public void Dispose() => _insert?.Dispose();
    }
}
