using Npgsql;
using NpgsqlTypes;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>Articles, stories, placements, merges and the checkpoint in one transaction, each change numbered in the batch's order.</summary>
    /// <remarks>Every story saved in one batch gets the same, next update sequence number; listing sorts by it.</remarks>
    public Task<long> CommitAsync(PlacementBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(InTransaction((connection, transaction) =>
        {
            CheckWriteLock(connection, transaction);
            using var changes = new ChangeWriter(connection, transaction);
            InsertArticles(batch.Articles, changes, connection, transaction);
            WriteStories(batch.Assignments, batch.Stories, batch.Merges, changes, connection, transaction);
            WriteSupersessions(batch.Supersessions, changes, connection, transaction);
            WriteOutletPairings(batch.OutletPairings, connection, transaction);
            changes.Finish();
            var last = changes.Last == 0 ? LatestSequence(connection, transaction) : changes.Last;
            if (batch.Checkpoint is { } checkpoint) WriteCheckpoint(checkpoint, last, connection, transaction);
            return last;
        }));
    }

    public async Task<IReadOnlySet<string>> FindPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
        var found = await QueryAsync("SELECT article_id FROM story_assignments WHERE article_id = ANY(@ids)", static r => r.GetString(0), cancellationToken, P("ids", ids))
            .ConfigureAwait(false);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    /// <remarks>Each comes with the story it was placed in then (before an editor moved it) and the merges its arrival decided, so a replay follows the store.</remarks>
    public Task<IReadOnlyList<PlacedArticle>> ListPlacedSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Run<IReadOnlyList<PlacedArticle>>(connection =>
        {
            var placed = Query(connection, null,
                $"SELECT {PrefixedArticleColumns}, s.placed_seq, coalesce(s.placed_story_id, s.story_id), s.copy_of_article_id, s.similarity " +
                "FROM story_assignments s JOIN articles ON articles.id = s.article_id WHERE s.placed_seq > @seq ORDER BY s.placed_seq LIMIT @limit",
                ReadPlaced, P("seq", sequence), P("limit", limit));
            var merges = MergesDecidedBy(connection, [.. placed.Select(static p => p.Article.Id)]);
            return placed.ConvertAll(p => merges.TryGetValue(p.Article.Id, out var decided) ? p with { Merges = decided } : p);
        }));
    }

    private static readonly string PrefixedArticleColumns = string.Join(", ", ArticleColumns.Split(", ").Select(static c => "articles." + c));

    /// <summary>A row of <see cref="ArticleColumns"/> followed by placed_seq, story id, copy of and similarity.</summary>
    private static PlacedArticle ReadPlaced(NpgsqlDataReader reader)
    {
        var article = ReadArticle(reader);
        var assignment = new StoryAssignment(article.Id, reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetString(15), reader.GetDouble(16));
        return new PlacedArticle(reader.GetInt64(13), article, assignment, []);
    }

    /// <summary>The merges each of <paramref name="articleIds"/> decided on arrival, in order.</summary>
    private static Dictionary<string, List<StoryMerge>> MergesDecidedBy(NpgsqlConnection connection, List<string> articleIds)
    {
        var merges = new Dictionary<string, List<StoryMerge>>(StringComparer.Ordinal);
        if (articleIds.Count == 0) return merges;
        foreach (var merge in Query(connection, null, MergesSql + " WHERE article_id = ANY(@ids) ORDER BY seq", ReadMerge, P("ids", articleIds)))
        {
            if (!merges.TryGetValue(merge.ArticleId, out var list)) merges.Add(merge.ArticleId, list = []);
            list.Add(merge);
        }
        return merges;
    }

    public Task<int> CountPlacedUpToAsync(long sequence, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Run(connection => (int)Scalar<long>(connection, null, "SELECT count(*) FROM story_assignments WHERE placed_seq <= @seq", P("seq", sequence))));
    }

    /// <summary>Replaces the one checkpoint row inside the batch's transaction; it reflects the changes up to <paramref name="sequence"/>.</summary>
    private static void WriteCheckpoint(ClustererCheckpoint checkpoint, long sequence, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        Execute(connection, transaction,
            "INSERT INTO clusterer_checkpoint (id, format_version, options_fingerprint, article_count, last_article_id, snapshot, change_seq) " +
            "VALUES (1, @version, @fingerprint, @count, @last, @snapshot, @seq) ON CONFLICT (id) DO UPDATE SET format_version = excluded.format_version, " +
            "options_fingerprint = excluded.options_fingerprint, article_count = excluded.article_count, last_article_id = excluded.last_article_id, " +
            "snapshot = excluded.snapshot, change_seq = excluded.change_seq",
            P("version", checkpoint.FormatVersion), P("fingerprint", checkpoint.OptionsFingerprint), P("count", checkpoint.ArticleCount),
            P("last", checkpoint.LastArticleId), new NpgsqlParameter("snapshot", NpgsqlDbType.Bytea) { Value = checkpoint.Snapshot.ToArray() }, P("seq", sequence));

    public Task<ClustererCheckpoint?> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(GetCheckpoint());
    }

    public ClustererCheckpoint? GetCheckpoint() => Query(
        "SELECT format_version, options_fingerprint, article_count, last_article_id, snapshot, change_seq FROM clusterer_checkpoint WHERE id = 1",
        static r => new ClustererCheckpoint(r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetFieldValue<byte[]>(4), r.GetInt64(5))).FirstOrDefault();

    public int CountPlaced() => Run(connection => (int)Scalar<long>(connection, null, "SELECT count(*) FROM story_assignments"));

    public IReadOnlyList<Article> ListUnplaced() => Query(
        $"SELECT {ArticleColumns} FROM articles WHERE NOT EXISTS (SELECT 1 FROM story_assignments s WHERE s.article_id = articles.id) {ArticleOrder}", ReadArticle);
}
