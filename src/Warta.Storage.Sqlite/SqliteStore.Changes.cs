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

    /// <summary>Appends changes inside one transaction with one prepared statement, handing back each one's sequence number.</summary>
    private sealed class ChangeWriter : IDisposable
    {
        private readonly SqliteStore _store;
        private readonly SqliteTransaction _transaction;
        private SqliteCommand? _insert;
        private SqliteParameter[] _parameters = [];

        public ChangeWriter(SqliteStore store, SqliteTransaction transaction)
        {
            _store = store;
            _transaction = transaction;
        }

        /// <summary>The sequence number of the last change appended, 0 before the first.</summary>
        public long Last { get; private set; }

        public long Append(StoreChangeKind kind, string articleId, string? storyId, string? fromStoryId)
        {
            _insert ??= _store.Prepared(
                "INSERT INTO changes (kind, article_id, story_id, from_story_id) VALUES ($kind, $article, $story, $from) RETURNING seq",
                _transaction, out _parameters);
            _parameters[0].Value = (int)kind;
            _parameters[1].Value = articleId;
            _parameters[2].Value = (object?)storyId ?? DBNull.Value;
            _parameters[3].Value = (object?)fromStoryId ?? DBNull.Value;
            Last = Convert.ToInt64(_insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            return Last;
        }

        public void Dispose() => _insert?.Dispose();
    }
}
