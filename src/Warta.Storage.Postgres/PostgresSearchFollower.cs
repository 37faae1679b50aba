using Npgsql;
using NpgsqlTypes;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Core.Storage;
using Warta.Text;

namespace Warta.Storage.Postgres;

/// <summary>The PostgreSQL search index's one writer: keeps <c>search_articles</c> in step with the store's change sequence,
/// as the Lucene index follows an embedded store (the placer catches it up after each commit).</summary>
/// <remarks>
/// <para>The last change applied is <c>search_state.seq</c>, written in the transaction of the rows it reflects, so after a
/// crash between the store's commit and the index's the next catch-up resumes from there and nothing is missing or applied
/// twice (an article is upserted by id).</para>
/// <para>The changes are handled as the Lucene follower handles them: an added or placed article is (re)indexed with its
/// story, a merge moves the absorbed story's rows to the story that absorbed it, a deletion deletes; an article stored
/// again without a placement keeps the story its row has. Terms are Warta's own analysis (<see cref="IndexTerms"/>),
/// written as a <c>tsvector</c> (<see cref="SearchVectors"/>).</para>
/// </remarks>
public sealed class PostgresSearchFollower : IChangeFollower
{
    /// <summary>Changes read from the store at a time.</summary>
    public const int ChangesPerRead = 500;

    /// <summary>Changes applied between two commits on a long catch-up (a rebuild), so a crash loses little.</summary>
    public const int ChangesPerCommit = 50_000;

    private const string Upsert = """
        INSERT INTO search_articles (article_id, story_id, outlet, language, bucket, day, time_ms, terms, entities)
        VALUES (@id, @story, @outlet, @language, @bucket, @day, @time, @terms::tsvector, @entities)
        ON CONFLICT (article_id) DO UPDATE SET
            story_id = CASE WHEN @placed THEN excluded.story_id ELSE search_articles.story_id END,
            outlet = excluded.outlet, language = excluded.language, bucket = excluded.bucket, day = excluded.day,
            time_ms = excluded.time_ms, terms = excluded.terms, entities = excluded.entities
        """;

    private readonly PostgresStore _store;
    private readonly ITextAnalyzer _analyzer;

    /// <param name="store">The store followed; the index's tables are in its database.</param>
    /// <param name="analyzer">The process's text analysis (the one the placer clusters with).</param>
    public PostgresSearchFollower(PostgresStore store, ITextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(analyzer);
        _store = store;
        _analyzer = analyzer;
    }

    public string Name => "search index";

    /// <summary>The last store change the index holds (committed), as of the last catch-up.</summary>
    public long Sequence { get; private set; }

    /// <summary>Articles the index holds.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default) => PostgresSearchIndex.CountAsync(_store, cancellationToken);

    public Task CatchUpAsync(CancellationToken cancellationToken = default) =>
        _store.RunAsync(connection => CatchUpAsync(connection, rebuild: false, cancellationToken), cancellationToken);

    /// <summary>Empties the index and indexes the whole store again from its first change; run under the store's write lock.</summary>
    public Task RebuildAsync(CancellationToken cancellationToken = default) =>
        _store.RunAsync(connection => CatchUpAsync(connection, rebuild: true, cancellationToken), cancellationToken);

    public void Dispose()
    {
        // Nothing held: every catch-up takes a pooled connection of the store for its own duration.
    }

    /// <summary>Applies the changes after <c>search_state.seq</c> (after none, emptying the index first, for a rebuild),
    /// committing every <see cref="ChangesPerCommit"/> changes and at the end.</summary>
    private async Task<bool> CatchUpAsync(NpgsqlConnection connection, bool rebuild, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (rebuild)
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM search_articles; UPDATE search_state SET seq = 0 WHERE id = 1", cancellationToken).ConfigureAwait(false);
            }
            var read = await ReadSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            // Articles added whose placement has not been read yet wait for it (a commit writes its additions before its
            // placements, so a read often ends between the two), rather than being written twice.
            var pending = new Dictionary<string, string?>(StringComparer.Ordinal);
            var applied = 0;
            while (true)
            {
                var changes = await _store.ChangesSinceAsync(read, ChangesPerRead, cancellationToken).ConfigureAwait(false);
                if (changes.Count == 0) break;
                await ApplyAsync(connection, transaction, changes, pending, cancellationToken).ConfigureAwait(false);
                read = changes[^1].Sequence;
                applied += changes.Count;
                if (applied >= ChangesPerCommit)
                {
                    await CommitAsync(connection, transaction, pending, read, cancellationToken).ConfigureAwait(false);
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    applied = 0;
                }
            }
            await CommitAsync(connection, transaction, pending, read, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoreChange> changes, Dictionary<string, string?> pending,
        CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case StoreChangeKind.ArticleAdded:
                    pending.TryAdd(change.ArticleId, null);
                    break;
                case StoreChangeKind.ArticlePlaced:
                    pending[change.ArticleId] = change.StoryId;
                    break;
                case StoreChangeKind.ArticleDeleted:
                    pending.Remove(change.ArticleId);
                    await ExecuteAsync(connection, transaction, "DELETE FROM search_articles WHERE article_id = @id", cancellationToken,
                        new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = change.ArticleId }).ConfigureAwait(false);
                    break;
                case StoreChangeKind.StoriesMerged when change.FromStoryId is not null && change.StoryId is not null:
                    // The absorbed story's articles must have their rows before they move; one not placed yet waits.
                    await WritePlacedAsync(connection, transaction, pending, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, "UPDATE search_articles SET story_id = @to WHERE story_id = @from", cancellationToken,
                        new NpgsqlParameter("to", NpgsqlDbType.Text) { Value = change.StoryId },
                        new NpgsqlParameter("from", NpgsqlDbType.Text) { Value = change.FromStoryId }).ConfigureAwait(false);
                    break;
                default:
                    break;
            }
        }
        await WritePlacedAsync(connection, transaction, pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes what still waits (articles stored again keep their row's story), the position, and commits.</summary>
    private async Task CommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Dictionary<string, string?> pending, long read, CancellationToken cancellationToken)
    {
        await WriteAsync(connection, transaction, pending, cancellationToken).ConfigureAwait(false);
        pending.Clear();
        await ExecuteAsync(connection, transaction, "UPDATE search_state SET seq = @seq WHERE id = 1", cancellationToken,
            new NpgsqlParameter("seq", NpgsqlDbType.Bigint) { Value = read }).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Sequence = read;
    }

    private async Task WritePlacedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Dictionary<string, string?> pending, CancellationToken cancellationToken)
    {
        var placed = pending.Where(static p => p.Value is not null).ToDictionary(StringComparer.Ordinal);
        if (placed.Count == 0) return;
        foreach (var id in placed.Keys) pending.Remove(id);
        await WriteAsync(connection, transaction, placed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upserts the rows of <paramref name="articles"/> (id → story; null: keep the story the row has).</summary>
    private async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyDictionary<string, string?> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0) return;
        var stored = await _store.GetArticlesAsync([.. articles.Keys], cancellationToken).ConfigureAwait(false);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var article in stored)
            {
                var story = articles[article.Id];
                var command = new NpgsqlBatchCommand(Upsert);
                Bind(command, article, story);
                batch.BatchCommands.Add(command);
            }
            if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Bind(NpgsqlBatchCommand command, Article article, string? story)
    {
        var bucket = IndexTerms.BucketOf(article.Language);
        var published = article.Published?.Value;
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = article.Id });
        command.Parameters.Add(new NpgsqlParameter("story", NpgsqlDbType.Text) { Value = (object?)story ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("placed", NpgsqlDbType.Boolean) { Value = story is not null });
        command.Parameters.Add(new NpgsqlParameter("outlet", NpgsqlDbType.Text) { Value = article.Outlet });
        command.Parameters.Add(new NpgsqlParameter("language", NpgsqlDbType.Text) { Value = article.Language });
        command.Parameters.Add(new NpgsqlParameter("bucket", NpgsqlDbType.Text) { Value = bucket });
        command.Parameters.Add(new NpgsqlParameter("day", NpgsqlDbType.Integer) { Value = published is { } p ? PostgresSearchIndex.DayNumber(p) : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("time", NpgsqlDbType.Bigint) { Value = published is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("terms", NpgsqlDbType.Text) { Value = SearchVectors.Of(_analyzer, article.Title, article.Body, bucket) });
        command.Parameters.Add(new NpgsqlParameter("entities", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = article.Annotations.Entities.Select(static e => e.EntityId).Distinct(StringComparer.Ordinal).ToArray(),
        });
    }

    private static async Task<long> ReadSequenceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("SELECT seq FROM search_state WHERE id = 1", connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddRange(parameters);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
