using Npgsql;
using NpgsqlTypes;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const string ChangeColumns = "seq, kind, article_id, story_id, from_story_id";

    public Task<IReadOnlyList<StoreChange>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read<StoreChange>(QueryAsync(
            $"SELECT {ChangeColumns} FROM changes WHERE seq > @seq ORDER BY seq LIMIT @limit", ReadChange, cancellationToken, P("seq", sequence), P("limit", limit)));
    }

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            var command = new NpgsqlCommand("SELECT last FROM change_counter WHERE id = 1", connection);
            await using (command.ConfigureAwait(false))
            {
                return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
        }, cancellationToken);

    /// <remarks>Two recursive walks over the merges: the stories merged into this one, and the stories it joined (where its
    /// redirect leads). Then the latest change naming a story of the first at either end, and the latest merge or correction
    /// from a story of the second: each one probe of the changes' story indexes (schema step 6).</remarks>
    public async Task<long> LatestStorySequenceAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        return (await QueryAsync(
            "WITH RECURSIVE absorbed(id) AS (SELECT @story::text COLLATE \"C\" UNION SELECT m.from_story_id FROM story_merges m JOIN absorbed a ON m.into_story_id = a.id), " +
            "joined(id) AS (SELECT @story::text COLLATE \"C\" UNION SELECT m.into_story_id FROM story_merges m JOIN joined j ON m.from_story_id = j.id) " +
            "SELECT coalesce(max(latest), 0) FROM (" +
            "SELECT (SELECT max(c.seq) FROM changes c WHERE c.story_id = a.id) AS latest FROM absorbed a " +
            "UNION ALL SELECT (SELECT max(c.seq) FROM changes c WHERE c.from_story_id = a.id) FROM absorbed a " +
            "UNION ALL SELECT (SELECT max(c.seq) FROM changes c WHERE c.from_story_id = j.id) FROM joined j) AS t",
            static r => r.GetInt64(0), cancellationToken, P("story", storyId)).ConfigureAwait(false))[0];
    }

    private static long LatestSequence(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        Scalar<long>(connection, transaction, "SELECT last FROM change_counter WHERE id = 1");

    private static StoreChange ReadChange(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), (StoreChangeKind)reader.GetInt32(1), reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));

    private static async Task<IReadOnlyList<T>> Read<T>(Task<List<T>> query) => await query.ConfigureAwait(false);

    /// <summary>Appends changes inside one transaction, numbering them from the store's counter.</summary>
    /// <remarks>The first append locks the counter's row until the transaction ends, so transactions that append are
    /// serialised and the numbers are given in commit order even when a writer without the write lock (an article added
    /// outside placement) commits at the same time; <see cref="Finish"/> stores the last number given before the commit.</remarks>
    private sealed class ChangeWriter(NpgsqlConnection connection, NpgsqlTransaction transaction) : IDisposable
    {
        private NpgsqlCommand? _insert;
        private long? _last;

        /// <summary>The sequence number of the last change appended, 0 before the first.</summary>
        public long Last { get; private set; }

        public long Append(StoreChangeKind kind, string articleId, string? storyId, string? fromStoryId)
        {
            _last ??= Scalar<long>(connection, transaction, "SELECT last FROM change_counter WHERE id = 1 FOR UPDATE");
            _insert ??= Prepared(connection, transaction,
                $"INSERT INTO changes ({ChangeColumns}) VALUES (@seq, @kind, @article, @story, @from)",
                ("seq", NpgsqlDbType.Bigint), ("kind", NpgsqlDbType.Integer), ("article", NpgsqlDbType.Text), ("story", NpgsqlDbType.Text), ("from", NpgsqlDbType.Text));
            var sequence = _last.Value + 1;
            var p = _insert.Parameters;
            p[0].Value = sequence;
            p[1].Value = (int)kind;
            p[2].Value = articleId;
            p[3].Value = Nullable(storyId);
            p[4].Value = Nullable(fromStoryId);
            _insert.ExecuteNonQuery();
            _last = sequence;
            Last = sequence;
            return sequence;
        }

        /// <summary>Stores the last number given; call before committing.</summary>
        public void Finish()
        {
            if (Last == 0) return;
            Execute(connection, transaction, "UPDATE change_counter SET last = @last WHERE id = 1", P("last", Last));
        }

        public void Dispose() => _insert?.Dispose();
    }
}
